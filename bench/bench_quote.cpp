// computeQuote on one thread: the demo rule set, a 5-line cart from 3 sites (amazon.com,
// amazon.co.jp, zalando.de: three currencies, three routes) with a coupon, as in
// tst_pricing_engine's demoCart. Prints quotes per second and nanoseconds per quote, for the
// engine alone, with the quote's JSON through QJsonObject and QJsonDocument, and with it
// written straight to bytes (Quote::toJsonBytes, what the route answers). Usage: bench_quote
// [seconds per figure]
#include "backend/pricing/demorules.h"
#include "backend/pricing/engine.h"
#include "core/wiretime.h"

#include <QJsonDocument>

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace haitao;
using namespace haitao::server::pricing;

namespace {

QuoteLineInput line(const char *site, qint64 minor, const char *code, qint64 quantity,
                    qint64 weightG, const char *category, qint64 l = 0, qint64 w = 0, qint64 h = 0)
{
    QuoteLineInput in;
    in.site = QString::fromLatin1(site);
    in.price = Money(minor, *Currency::fromCode(QString::fromLatin1(code)));
    in.quantity = quantity;
    in.weightG = weightG;
    in.category = QString::fromLatin1(category);
    in.lengthMm = l;
    in.widthMm = w;
    in.heightMm = h;
    return in;
}

struct Figure
{
    long long count = 0;
    double seconds = 0;
};

// Runs `work` in batches until `seconds` have passed.
template <typename Work> Figure measure(double seconds, Work &&work)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    Figure f;
    do {
        for (int i = 0; i < 1000; ++i)
            work();
        f.count += 1000;
        f.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    } while (f.seconds < seconds);
    return f;
}

void print(const char *what, const Figure &f)
{
    std::printf("%-22s %12.0f quotes/s %10.0f ns/quote  (%lld in %.2f s)\n", what,
                double(f.count) / f.seconds, f.seconds * 1e9 / double(f.count), f.count, f.seconds);
}

} // namespace

int main(int argc, char *argv[])
{
    const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
    const qint64 now = fromWireTime(QStringLiteral("2026-11-25T10:00:00.000Z")).toMSecsSinceEpoch();

    QList<haitao::server::FieldProblem> errors;
    const auto rules = RuleSet::fromJson(demoRuleSetDocument(), &errors, true);
    if (!rules) {
        std::fprintf(stderr, "the demo rule set does not validate\n");
        return 1;
    }
    const RateSnapshot rates = demoRateSnapshot(now - 3600 * 1000);
    QuoteInput input;
    input.lines = {
        line("amazon.com", 2499, "USD", 2, 450, "beauty_premium", 200, 150, 80),
        line("amazon.com", 1250, "USD", 1, 300, "books"),
        line("amazon.co.jp", 3280, "JPY", 1, 800, "toys", 250, 180, 100),
        line("amazon.co.jp", 1480, "JPY", 3, 150, "baby_formula"),
        line("zalando.de", 2495, "EUR", 1, 1200, "apparel", 350, 250, 120),
    };
    input.coupons = {QStringLiteral("WELCOME10")};
    input.nowMs = now;
    const EngineLimits limits;

    qint64 sink = 0; // keeps the work observable
    const Quote sample = computeQuote(input, *rules, 1, rates, limits);
    std::printf("cart: 5 lines, 3 sites, %lld rules; total %s CNY (expected 1605.41)\n",
                static_cast<long long>(rules->rules.size()), qPrintable(sample.total.toString()));
    // The two JSON figures must measure the same document.
    const QByteArray bytes = sample.toJsonBytes();
    if (QJsonDocument::fromJson(bytes).object() != sample.toJson()) {
        std::fprintf(stderr, "toJsonBytes() and toJson() disagree\n");
        return 1;
    }
    std::printf("quote JSON: %lld bytes\n", static_cast<long long>(bytes.size()));

    measure(seconds / 3,
            [&] { sink += computeQuote(input, *rules, 1, rates, limits).total.minor(); });
    print("computeQuote", measure(seconds, [&] {
              sink += computeQuote(input, *rules, 1, rates, limits).total.minor();
          }));
    print("computeQuote + JSON", measure(seconds, [&] {
              const Quote q = computeQuote(input, *rules, 1, rates, limits);
              sink += QJsonDocument(q.toJson()).toJson(QJsonDocument::Compact).size();
          }));
    // What POST /api/v1/quotes does: the quote written straight to bytes.
    print("computeQuote + bytes", measure(seconds, [&] {
              sink += computeQuote(input, *rules, 1, rates, limits).toJsonBytes().size();
          }));
    return sink == 42 ? 2 : 0;
}
