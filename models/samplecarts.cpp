#include "models/samplecarts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

#include <algorithm>

namespace haitao::models {

namespace {

// The limits the Simulation tab checks a cart against before pricing it.
constexpr qint64 kMaxQuantity = 999;
constexpr qint64 kMaxWeightG = 1000 * 1000;
constexpr qint64 kMaxMm = 100 * 1000;

// A whole JSON number in [min, max]; `fallback` when absent; nullopt when wrong.
std::optional<qint64> whole(const QJsonObject &o, const QString &name, qint64 min, qint64 max,
                            std::optional<qint64> fallback)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isDouble())
        return std::nullopt;
    // toInteger() gives the fallback for anything but a whole number: min - 1 is out of range.
    const qint64 n = v.toInteger(min - 1);
    if (n < min || n > max)
        return std::nullopt;
    return n;
}

std::optional<SampleCartLine> lineFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    SampleCartLine line;
    line.site = o.value(QStringLiteral("site")).toString().trimmed();
    if (line.site.isEmpty())
        return std::nullopt;
    const MoneyResult<Money> price = Money::fromJson(o.value(QStringLiteral("price")).toObject());
    if (!price || price->isNegative())
        return std::nullopt;
    line.price = *price;
    const auto quantity = whole(o, QStringLiteral("quantity"), 1, kMaxQuantity, std::nullopt);
    const auto weight = whole(o, QStringLiteral("weightG"), 0, kMaxWeightG, std::nullopt);
    const auto length = whole(o, QStringLiteral("lengthMm"), 0, kMaxMm, 0);
    const auto width = whole(o, QStringLiteral("widthMm"), 0, kMaxMm, 0);
    const auto height = whole(o, QStringLiteral("heightMm"), 0, kMaxMm, 0);
    if (!quantity || !weight || !length || !width || !height)
        return std::nullopt;
    line.quantity = *quantity;
    line.weightG = *weight;
    line.lengthMm = *length;
    line.widthMm = *width;
    line.heightMm = *height;
    const QJsonValue category = o.value(QStringLiteral("category"));
    if (!category.isUndefined() && !category.isNull() && !category.isString())
        return std::nullopt;
    line.category = category.toString().trimmed();
    return line;
}

QJsonObject lineToJson(const SampleCartLine &line)
{
    QJsonObject o{
        {QStringLiteral("site"), line.site},         {QStringLiteral("price"), line.price.toJson()},
        {QStringLiteral("quantity"), line.quantity}, {QStringLiteral("weightG"), line.weightG},
        {QStringLiteral("lengthMm"), line.lengthMm}, {QStringLiteral("widthMm"), line.widthMm},
        {QStringLiteral("heightMm"), line.heightMm}};
    if (!line.category.isEmpty())
        o.insert(QStringLiteral("category"), line.category);
    return o;
}

} // namespace

QJsonObject SampleCart::toJson() const
{
    QJsonArray jsonLines;
    for (const SampleCartLine &line : lines)
        jsonLines.append(lineToJson(line));
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("lines"), jsonLines},
                  {QStringLiteral("coupons"), QJsonArray::fromStringList(coupons)},
                  {QStringLiteral("firstOrder"), firstOrder}};
    if (!destination.isEmpty())
        o.insert(QStringLiteral("destination"), destination);
    return o;
}

std::optional<SampleCart> SampleCart::fromJson(const QJsonObject &json)
{
    SampleCart cart;
    cart.name = json.value(QStringLiteral("name")).toString().trimmed();
    if (cart.name.isEmpty() || cart.name.size() > MaxNameLength)
        return std::nullopt;

    const QJsonValue lines = json.value(QStringLiteral("lines"));
    if (!lines.isArray() || lines.toArray().isEmpty() || lines.toArray().size() > MaxLines)
        return std::nullopt;
    for (const QJsonValue &value : lines.toArray()) {
        const std::optional<SampleCartLine> line = lineFromJson(value);
        if (!line)
            return std::nullopt;
        cart.lines.append(*line);
    }

    const QJsonValue coupons = json.value(QStringLiteral("coupons"));
    if (!coupons.isUndefined() && !coupons.isNull()) {
        if (!coupons.isArray())
            return std::nullopt;
        for (const QJsonValue &code : coupons.toArray()) {
            if (!code.isString() || code.toString().trimmed().isEmpty())
                return std::nullopt;
            cart.coupons.append(code.toString().trimmed());
        }
    }

    const QJsonValue destination = json.value(QStringLiteral("destination"));
    if (!destination.isUndefined() && !destination.isNull() && !destination.isString())
        return std::nullopt;
    cart.destination = destination.toString().trimmed();

    const QJsonValue firstOrder = json.value(QStringLiteral("firstOrder"));
    if (!firstOrder.isUndefined() && !firstOrder.isNull() && !firstOrder.isBool())
        return std::nullopt;
    cart.firstOrder = firstOrder.toBool();
    return cart;
}

QString SampleCarts::key()
{
    return QStringLiteral("simulation/sampleCarts");
}

SampleCarts::SampleCarts(QSettings *settings)
    : m_settings(settings)
{}

QList<SampleCart> SampleCarts::list() const
{
    // Written as a JSON string; anything else there was not written by save().
    const QVariant value = m_settings->value(key());
    if (value.typeId() != QMetaType::QString)
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
    if (!doc.isArray())
        return {};
    QList<SampleCart> carts;
    for (const QJsonValue &entry : doc.array()) {
        std::optional<SampleCart> cart = SampleCart::fromJson(entry.toObject());
        // Names are unique: a second one of a name is a hand edit, and the first one wins.
        if (cart && std::none_of(carts.cbegin(), carts.cend(),
                                 [&](const SampleCart &c) { return c.name == cart->name; }))
            carts.append(std::move(*cart));
    }
    return carts;
}

QStringList SampleCarts::names() const
{
    QStringList out;
    for (const SampleCart &cart : list())
        out << cart.name;
    return out;
}

bool SampleCarts::contains(const QString &name) const
{
    return names().contains(name.trimmed());
}

std::optional<SampleCart> SampleCarts::load(const QString &name) const
{
    for (SampleCart &cart : list()) {
        if (cart.name == name.trimmed())
            return std::move(cart);
    }
    return std::nullopt;
}

bool SampleCarts::save(const SampleCart &cart)
{
    // Through JSON and back: what is stored is exactly what will load.
    const std::optional<SampleCart> checked = SampleCart::fromJson(cart.toJson());
    if (!checked)
        return false;
    QList<SampleCart> carts = list();
    carts.removeIf([&](const SampleCart &c) { return c.name == checked->name; });
    carts.append(*checked);
    write(carts);
    m_settings->sync(); // now, so that a file that cannot be written says so
    return m_settings->status() == QSettings::NoError;
}

bool SampleCarts::remove(const QString &name)
{
    QList<SampleCart> carts = list();
    if (carts.removeIf([&](const SampleCart &c) { return c.name == name.trimmed(); }) == 0)
        return false;
    write(carts);
    return true;
}

void SampleCarts::write(const QList<SampleCart> &carts)
{
    QList<SampleCart> sorted = carts;
    std::sort(sorted.begin(), sorted.end(), [](const SampleCart &a, const SampleCart &b) {
        const int c = a.name.compare(b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.name < b.name;
    });
    QJsonArray array;
    for (const SampleCart &cart : std::as_const(sorted))
        array.append(cart.toJson());
    m_settings->setValue(key(),
                         QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

} // namespace haitao::models
