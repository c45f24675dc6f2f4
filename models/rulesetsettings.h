#pragma once

#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace haitao::models {

class SitesTableModel;

// The settings of the draft rule-set document (docs/pricing.md, "Document"): the rounding mode,
// the default origin and the sites table. Edited locally and saved with the rules by
// PricingDraft. Values are checked as they change (the default origin is two upper-case
// letters; the sites table checks its own cells); the server's 422 answers about them
// ("document.rounding", "document.defaultOrigin", "document.sites[1].origin") are kept beside
// the local checks until the field is edited.
class RuleSetSettings : public QObject
{
    Q_OBJECT

public:
    // The rounding modes the server knows, as the document spells them.
    static QStringList roundingModes(); // "half_up", "half_even"

    explicit RuleSetSettings(QObject *parent = nullptr);

    QString rounding() const { return m_rounding; }
    QString defaultOrigin() const { return m_defaultOrigin; }
    SitesTableModel *sites() const { return m_sites; }

    // Each drops the server's error about its field. The origin is kept upper-case, trimmed.
    void setRounding(const QString &mode);
    void setDefaultOrigin(const QString &text);
    // Why a field is refused: the local check first, else the server's; empty when fine.
    QString roundingError() const;
    QString defaultOriginError() const;

    // Takes the settings of a document. An empty one (no draft) clears them, and nothing is
    // refused until a document is loaded. Clears every error and the modified flag.
    void load(const QJsonObject &document);
    // `document` with these settings written in.
    QJsonObject applied(QJsonObject document) const;
    // applied(), recording where each site row went, for the answer's errors.
    QJsonObject compose(QJsonObject document);

    // Puts the server's error about `field` on the field or site cell it names; false when the
    // path is not about the settings (or names no site row).
    bool setServerError(const QString &field, const QString &message);
    void clearServerErrors();

    // Values refused by the local checks; saving waits until there are none.
    int errorCount() const;
    // The server's marks not yet edited away.
    int serverErrorCount() const;
    bool isModified() const;
    void markSaved();

public slots:
    // Error texts come from tr(): call this on QEvent::LanguageChange.
    void retranslate();

signals:
    // A value or an error changed, here or in the sites table.
    void changed();
    void modifiedChanged(bool modified);

private:
    QString localRoundingError() const;
    QString localDefaultOriginError() const;
    void updateModified();

    SitesTableModel *m_sites;
    QString m_rounding;
    QString m_defaultOrigin;
    QString m_savedRounding;
    QString m_savedDefaultOrigin;
    QString m_roundingServerError;
    QString m_defaultOriginServerError;
    bool m_hasDocument = false;
    bool m_modified = false;
};

} // namespace haitao::models
