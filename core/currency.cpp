#include "core/currency.h"

#include <iterator>

namespace haitao {

namespace {
struct Entry
{
    const char *code;
    int exponent;
};

// Exponents as ISO 4217 lists them (TWD is 2 there even though cash has no cents). Adding a
// currency with exponent 3 (BHD, KWD) needs no other change.
constexpr Entry kEntries[] = {
    {"CNY", 2}, {"USD", 2}, {"EUR", 2}, {"GBP", 2}, {"AUD", 2}, {"CAD", 2}, {"HKD", 2},
    {"CHF", 2}, {"SGD", 2}, {"NZD", 2}, {"JPY", 0}, {"KRW", 0}, {"TWD", 2}, {"THB", 2},
};
constexpr int kCount = int(std::size(kEntries));
} // namespace

std::optional<Currency> Currency::fromCode(QStringView code)
{
    for (int i = 0; i < kCount; ++i) {
        if (code == QLatin1String(kEntries[i].code))
            return Currency(i);
    }
    return std::nullopt;
}

QList<Currency> Currency::all()
{
    QList<Currency> out;
    out.reserve(kCount);
    for (int i = 0; i < kCount; ++i)
        out.append(Currency(i));
    return out;
}

Currency Currency::cny()
{
    static const Currency c = *fromCode(u"CNY");
    return c;
}

QString Currency::code() const
{
    return QLatin1String(kEntries[m_index].code);
}

int Currency::exponent() const
{
    return kEntries[m_index].exponent;
}

} // namespace haitao
