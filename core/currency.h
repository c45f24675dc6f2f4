#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace haitao {

// An ISO 4217 currency the shop trades in, with its minor-unit exponent (USD 2: cents;
// JPY 0). Only the fixed table in currency.cpp exists: a Currency cannot be made from an
// unknown code, so every Money carries a currency whose exponent is known.
class Currency
{
public:
    // Exact upper-case code ("USD"); nullopt for anything not in the table, never a guess.
    static std::optional<Currency> fromCode(QStringView code);
    static QList<Currency> all();
    // The currency customers pay in, and every quote's total.
    static Currency cny();

    QString code() const;
    int exponent() const; // digits after the decimal point in major units

    friend bool operator==(Currency, Currency) = default;

private:
    explicit Currency(int index)
        : m_index(index)
    {}

    int m_index; // into the table
};

} // namespace haitao
