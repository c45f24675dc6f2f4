#pragma once

#include "core/money.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace haitao::models {

// One explicit line of a sample cart, as a quote request has it (docs/pricing.md, "Quotes").
struct SampleCartLine
{
    QString site;
    Money price = Money::zero(Currency::cny());
    qint64 quantity = 1;
    qint64 weightG = 0;
    qint64 lengthMm = 0; // 0: not known
    qint64 widthMm = 0;
    qint64 heightMm = 0;
    QString category; // empty: none

    friend bool operator==(const SampleCartLine &, const SampleCartLine &) = default;
};

// A sample cart the Simulation tab can save and load: a quote request body with a name.
struct SampleCart
{
    static constexpr int MaxNameLength = 60;
    static constexpr int MaxLines = 100; // as the server takes

    QString name;
    QList<SampleCartLine> lines;
    QStringList coupons;
    QString destination; // empty: the server's default
    bool firstOrder = false;

    // {name, lines: [{site, price, quantity, weightG, lengthMm, widthMm, heightMm, category?}],
    // coupons, destination?, firstOrder}: without the name, a body POST /quotes/simulate takes.
    QJsonObject toJson() const;
    // Nullopt unless every field is there and in range (the name trimmed, 1 to MaxNameLength
    // characters; 1 to MaxLines lines, each with a site, a price that is not negative and a
    // quantity of 1 to 999). A request body with a "name" added reads as a cart.
    static std::optional<SampleCart> fromJson(const QJsonObject &json);

    friend bool operator==(const SampleCart &, const SampleCart &) = default;
};

// The saved sample carts of this desktop user: one QSettings value (key()) holding a JSON array
// of carts, sorted by name. Not shared with anyone: carts are a tool of the person simulating.
// A value that cannot be read (edited by hand, from a newer version) reads as no carts, and
// a cart in it that cannot be read is left out; neither is an error, and the next save writes
// a clean value. The QSettings is the caller's (an ini file in tests) and must outlive this.
class SampleCarts
{
public:
    static QString key(); // "simulation/sampleCarts"

    explicit SampleCarts(QSettings *settings);

    QList<SampleCart> list() const;
    QStringList names() const;
    bool contains(const QString &name) const;
    std::optional<SampleCart> load(const QString &name) const;
    // Adds the cart, or replaces the one of the same (trimmed) name: callers ask first. False
    // when the cart would not read back (see SampleCart::fromJson; then nothing is written) or
    // the settings could not be written.
    bool save(const SampleCart &cart);
    // False when there is no cart of that name.
    bool remove(const QString &name);

private:
    void write(const QList<SampleCart> &carts);

    QSettings *m_settings;
};

} // namespace haitao::models
