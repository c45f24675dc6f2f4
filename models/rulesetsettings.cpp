#include "models/rulesetsettings.h"

#include "models/sitestablemodel.h"

#include <QRegularExpression>

namespace haitao::models {

namespace {

const QString kRounding = QStringLiteral("rounding");
const QString kDefaultOrigin = QStringLiteral("defaultOrigin");
const QString kSites = QStringLiteral("sites");
const QString kHalfUp = QStringLiteral("half_up");

} // namespace

QStringList RuleSetSettings::roundingModes()
{
    return {kHalfUp, QStringLiteral("half_even")};
}

RuleSetSettings::RuleSetSettings(QObject *parent)
    : QObject(parent)
    , m_sites(new SitesTableModel(this))
    , m_rounding(kHalfUp)
    , m_savedRounding(kHalfUp)
{
    connect(m_sites, &SitesTableModel::edited, this, &RuleSetSettings::changed);
    connect(m_sites, &SitesTableModel::modifiedChanged, this, &RuleSetSettings::updateModified);
}

void RuleSetSettings::setRounding(const QString &mode)
{
    if (mode == m_rounding && m_roundingServerError.isEmpty())
        return;
    m_rounding = mode;
    m_roundingServerError.clear();
    updateModified();
    emit changed();
}

void RuleSetSettings::setDefaultOrigin(const QString &text)
{
    const QString origin = text.trimmed().toUpper();
    if (origin == m_defaultOrigin && m_defaultOriginServerError.isEmpty())
        return;
    m_defaultOrigin = origin;
    m_defaultOriginServerError.clear();
    updateModified();
    emit changed();
}

QString RuleSetSettings::roundingError() const
{
    const QString local = localRoundingError();
    return local.isEmpty() ? m_roundingServerError : local;
}

QString RuleSetSettings::defaultOriginError() const
{
    const QString local = localDefaultOriginError();
    return local.isEmpty() ? m_defaultOriginServerError : local;
}

QString RuleSetSettings::localRoundingError() const
{
    // Only a loaded document could hold another mode: the editor offers these two.
    return roundingModes().contains(m_rounding) ? QString() : tr("Choose half up or half even.");
}

QString RuleSetSettings::localDefaultOriginError() const
{
    static const QRegularExpression code(QStringLiteral("^[A-Z]{2}$"));
    if (!m_hasDocument)
        return {}; // no draft: nothing to fix
    if (m_defaultOrigin.isEmpty())
        return tr("Enter the warehouse for sites not listed below, e.g. US.");
    if (!code.match(m_defaultOrigin).hasMatch())
        return tr("Use a two-letter country code, e.g. US.");
    return {};
}

void RuleSetSettings::load(const QJsonObject &document)
{
    // A document may leave the rounding out: it is then half up (docs/pricing.md).
    m_hasDocument = !document.isEmpty();
    m_rounding = document.value(kRounding).toString(kHalfUp);
    m_defaultOrigin = document.value(kDefaultOrigin).toString();
    m_savedRounding = m_rounding;
    m_savedDefaultOrigin = m_defaultOrigin;
    m_roundingServerError.clear();
    m_defaultOriginServerError.clear();
    m_sites->setSites(document.value(kSites).toArray()); // emits changed() through edited()
    updateModified();
}

QJsonObject RuleSetSettings::applied(QJsonObject document) const
{
    document.insert(kRounding, m_rounding);
    document.insert(kDefaultOrigin, m_defaultOrigin);
    document.insert(kSites, m_sites->sites());
    return document;
}

QJsonObject RuleSetSettings::compose(QJsonObject document)
{
    document = applied(document);
    document.insert(kSites, m_sites->compose());
    return document;
}

bool RuleSetSettings::setServerError(const QString &field, const QString &message)
{
    static const QString prefix = QStringLiteral("document.");
    const QString path = field.startsWith(prefix) ? field.mid(prefix.size()) : field;
    if (path == kRounding) {
        m_roundingServerError = message;
    } else if (path == kDefaultOrigin) {
        m_defaultOriginServerError = message;
    } else {
        return m_sites->setServerError(path, message); // emits changed() through edited()
    }
    emit changed();
    return true;
}

void RuleSetSettings::clearServerErrors()
{
    const bool any = !m_roundingServerError.isEmpty() || !m_defaultOriginServerError.isEmpty();
    m_roundingServerError.clear();
    m_defaultOriginServerError.clear();
    m_sites->clearServerErrors();
    if (any)
        emit changed();
}

int RuleSetSettings::errorCount() const
{
    return int(!localRoundingError().isEmpty()) + int(!localDefaultOriginError().isEmpty()) +
           m_sites->errorCount();
}

int RuleSetSettings::serverErrorCount() const
{
    return int(!m_roundingServerError.isEmpty()) + int(!m_defaultOriginServerError.isEmpty()) +
           m_sites->serverErrorCount();
}

bool RuleSetSettings::isModified() const
{
    return m_modified;
}

void RuleSetSettings::markSaved()
{
    m_savedRounding = m_rounding;
    m_savedDefaultOrigin = m_defaultOrigin;
    m_sites->markSaved();
    updateModified();
}

void RuleSetSettings::retranslate()
{
    m_sites->retranslate();
    emit changed(); // the local checks' texts are translated
}

void RuleSetSettings::updateModified()
{
    const bool modified = m_rounding != m_savedRounding ||
                          m_defaultOrigin != m_savedDefaultOrigin || m_sites->isModified();
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

} // namespace haitao::models
