#include "backend/pricing/quoterequest.h"

#include "backend/http/apierror.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace haitao::server::pricing {

namespace {

constexpr int kMaxLines = 100;
constexpr int kMaxCoupons = 10;
constexpr int kMaxSweepPoints = 200;

class Reader
{
public:
    QList<FieldProblem> errors;

    void fail(const QString &path, const QString &message) { errors.append({path, message}); }

    // A whole JSON number in [min, max]; `fallback` when absent (nullopt: required).
    qint64 integer(const QJsonObject &o, const QString &name, const QString &path, qint64 min,
                   qint64 max, std::optional<qint64> fallback)
    {
        const QJsonValue v = o.value(name);
        if (v.isUndefined() || v.isNull()) {
            if (!fallback)
                fail(path, QStringLiteral("is required"));
            return fallback.value_or(min);
        }
        const double d = v.toDouble(); // only to test for a whole number; never money
        // Range first: casting 1e300 to qint64 would be undefined behaviour.
        if (!v.isDouble() || !(d >= double(min) && d <= double(max)) || d != std::floor(d)) {
            fail(path, QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
            return min;
        }
        return qint64(d);
    }

    QString string(const QJsonObject &o, const QString &name, const QString &path, int maxLength,
                   bool required)
    {
        const QJsonValue v = o.value(name);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(path, QStringLiteral("is required"));
            return {};
        }
        const QString s = v.toString().trimmed();
        if (!v.isString() || (required && s.isEmpty()) || s.size() > maxLength) {
            fail(path, QStringLiteral("must be text of 1 to %1 characters").arg(maxLength));
            return {};
        }
        return s;
    }
};

const QStringList kExplicitFields = {
    QStringLiteral("site"),     QStringLiteral("price"),   QStringLiteral("weightG"),
    QStringLiteral("lengthMm"), QStringLiteral("widthMm"), QStringLiteral("heightMm"),
    QStringLiteral("category"),
};

QuoteLineInput readLine(Reader &r, const QJsonObject &o, const QString &at)
{
    QuoteLineInput line;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1String("skuId") && it.key() != QLatin1String("quantity") &&
            !kExplicitFields.contains(it.key()))
            r.fail(at + QLatin1Char('.') + it.key(), QStringLiteral("is not a field of a line"));
    }
    line.quantity = r.integer(o, QStringLiteral("quantity"), at + QStringLiteral(".quantity"), 1,
                              999, std::nullopt);
    if (!o.value(QStringLiteral("skuId")).isUndefined() &&
        !o.value(QStringLiteral("skuId")).isNull()) {
        line.skuId = r.integer(o, QStringLiteral("skuId"), at + QStringLiteral(".skuId"), 1,
                               std::numeric_limits<qint32>::max(), std::nullopt);
        for (const QString &f : kExplicitFields) {
            if (o.contains(f))
                r.fail(at + QLatin1Char('.') + f,
                       QStringLiteral("comes from the catalog when skuId is given"));
        }
        return line;
    }
    line.site =
        r.string(o, QStringLiteral("site"), at + QStringLiteral(".site"), 100, true).toLower();
    const QJsonValue price = o.value(QStringLiteral("price"));
    if (!price.isObject()) {
        r.fail(at + QStringLiteral(".price"),
               QStringLiteral("is required: {\"minor\": 1999, \"currency\": \"USD\"}"));
    } else if (const auto money = Money::fromJson(price.toObject()); !money) {
        r.fail(at + QStringLiteral(".price"), money.error().message);
    } else if (money->isNegative()) {
        r.fail(at + QStringLiteral(".price"), QStringLiteral("must not be negative"));
    } else {
        line.price = *money;
    }
    constexpr qint64 kMaxGrams = 1000LL * 1000; // a tonne: a typo, not a parcel
    constexpr qint64 kMaxMm = 10LL * 1000;
    line.weightG =
        r.integer(o, QStringLiteral("weightG"), at + QStringLiteral(".weightG"), 0, kMaxGrams, 0);
    line.lengthMm =
        r.integer(o, QStringLiteral("lengthMm"), at + QStringLiteral(".lengthMm"), 0, kMaxMm, 0);
    line.widthMm =
        r.integer(o, QStringLiteral("widthMm"), at + QStringLiteral(".widthMm"), 0, kMaxMm, 0);
    line.heightMm =
        r.integer(o, QStringLiteral("heightMm"), at + QStringLiteral(".heightMm"), 0, kMaxMm, 0);
    line.category =
        r.string(o, QStringLiteral("category"), at + QStringLiteral(".category"), 64, false);
    return line;
}

} // namespace

QuoteRequest readQuoteRequest(const QJsonObject &body, bool simulate)
{
    Reader r;
    QuoteRequest out;
    static const QStringList known = {QStringLiteral("lines"), QStringLiteral("destination"),
                                      QStringLiteral("coupons")};
    static const QStringList simulateOnly = {QStringLiteral("sweep"), QStringLiteral("firstOrder")};
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!known.contains(it.key()) && !(simulate && simulateOnly.contains(it.key())))
            r.fail(it.key(), QStringLiteral("is not a field of a quote request"));
    }

    const QJsonValue lines = body.value(QStringLiteral("lines"));
    if (!lines.isArray() || lines.toArray().isEmpty() || lines.toArray().size() > kMaxLines) {
        r.fail(QStringLiteral("lines"),
               QStringLiteral("must be a list of 1 to %1 lines").arg(kMaxLines));
    } else {
        const QJsonArray array = lines.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QString at = QStringLiteral("lines[%1]").arg(i);
            if (!array.at(i).isObject()) {
                r.fail(at, QStringLiteral("must be an object"));
                continue;
            }
            out.input.lines.append(readLine(r, array.at(i).toObject(), at));
        }
    }

    if (const QJsonValue d = body.value(QStringLiteral("destination"));
        !d.isUndefined() && !d.isNull()) {
        static const QRegularExpression zone(QStringLiteral("^[A-Z]{2}(-[A-Z0-9]{1,8})?$"));
        if (!zone.match(d.toString()).hasMatch())
            r.fail(QStringLiteral("destination"),
                   QStringLiteral("must be a zone like CN or CN-XZ"));
        else
            out.input.destination = d.toString();
    }

    const QJsonValue coupons = body.value(QStringLiteral("coupons"));
    if (!coupons.isUndefined() && !coupons.isNull()) {
        if (!coupons.isArray() || coupons.toArray().size() > kMaxCoupons) {
            r.fail(QStringLiteral("coupons"),
                   QStringLiteral("must be a list of at most %1 codes").arg(kMaxCoupons));
        } else {
            const QJsonArray array = coupons.toArray();
            for (int i = 0; i < array.size(); ++i) {
                const QString code = array.at(i).toString().trimmed();
                if (!array.at(i).isString() || code.isEmpty() || code.size() > 32)
                    r.fail(QStringLiteral("coupons[%1]").arg(i),
                           QStringLiteral("must be a code of 1 to 32 characters"));
                else
                    out.input.coupons.append(code);
            }
        }
    }

    if (simulate) {
        const QJsonValue first = body.value(QStringLiteral("firstOrder"));
        if (!first.isUndefined() && !first.isNull() && !first.isBool())
            r.fail(QStringLiteral("firstOrder"), QStringLiteral("must be true or false"));
        out.input.firstOrder = first.toBool();
        const QJsonValue sweep = body.value(QStringLiteral("sweep"));
        if (!sweep.isUndefined() && !sweep.isNull()) {
            const QJsonObject s = sweep.toObject();
            const qint64 from = r.integer(s, QStringLiteral("fromG"), QStringLiteral("sweep.fromG"),
                                          0, 1000 * 1000, std::nullopt);
            const qint64 to = r.integer(s, QStringLiteral("toG"), QStringLiteral("sweep.toG"), 0,
                                        1000 * 1000, std::nullopt);
            const qint64 step = r.integer(s, QStringLiteral("stepG"), QStringLiteral("sweep.stepG"),
                                          1, 1000 * 1000, std::nullopt);
            if (!sweep.isObject())
                r.fail(QStringLiteral("sweep"), QStringLiteral("must be an object"));
            else if (to < from)
                r.fail(QStringLiteral("sweep.toG"), QStringLiteral("must not be below fromG"));
            else if (step > 0 && (to - from) / step + 1 > kMaxSweepPoints)
                r.fail(QStringLiteral("sweep.stepG"),
                       QStringLiteral("gives more than %1 points").arg(kMaxSweepPoints));
            out.sweep = QJsonObject{{QStringLiteral("fromG"), from},
                                    {QStringLiteral("toG"), to},
                                    {QStringLiteral("stepG"), step}};
        }
    }

    if (!r.errors.isEmpty())
        throw ApiError::validation(r.errors);
    return out;
}

} // namespace haitao::server::pricing
