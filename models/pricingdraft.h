#pragma once

#include "backend-client/pricingapi.h"

#include <QObject>

namespace haitao::models {

class RuleSetSettings;
class RuleTableModel;

// The draft rule set being edited: its revision and ETag, its settings (RuleSetSettings: rounding,
// default origin, sites), and one RuleTableModel per rule kind over its rules. Runs the draft's
// life cycle against the server (load, create, save with If-Match, discard, publish), one request
// at a time, and says how each ended: a stale ETag (412) as conflict(), the server's field errors
// (422) on the tables' cells or the settings' fields and in validationFailed(), anything else in
// errorOccurred(). Nothing blocks.
class PricingDraft : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Unknown, // not loaded yet
        None,    // the server has no draft
        Open,    // a draft is loaded
    };

    explicit PricingDraft(client::PricingApi api, QObject *parent = nullptr);

    client::PricingApi api() const { return m_api; }
    State state() const { return m_state; }
    bool isBusy() const { return m_busy; }
    const client::Draft &draft() const { return m_draft; }
    // Any table or setting changed since the draft was loaded or saved.
    bool isModified() const;
    // Cells and settings refused by the local checks; save() waits until there are none.
    int errorCount() const;

    const QList<RuleTableModel *> &tables() const { return m_tables; }
    RuleTableModel *table(const QString &kind) const;
    RuleSetSettings *settings() const { return m_settings; }
    // The document as it would be saved now: the settings with the tables' rules.
    QJsonObject document() const;

public slots:
    void load();
    // From the version in force.
    void create();
    // Returns false (and sends nothing) while cells are refused or another request runs.
    bool save();
    void discard();
    void publish(const haitao::client::PublishRequest &request);

signals:
    void stateChanged();
    void busyChanged(bool busy);
    void modifiedChanged(bool modified);
    void saved();
    void published(const haitao::client::RuleSetVersion &version);
    // Someone else saved, published or discarded the draft since it was loaded: load() shows
    // their version (and drops the local changes).
    void conflict();
    // The server refused values: `mapped` of them are marked on table cells or settings, the
    // others (about the document as a whole, or rules no table shows) are listed.
    void validationFailed(int mapped, const QList<haitao::client::FieldError> &unmapped);
    void errorOccurred(const haitao::client::ApiError &error);

private:
    void setDraft(const client::Draft &draft);
    void setNone();
    bool begin();
    void end();
    void fail(const client::ApiError &error);

    client::PricingApi m_api;
    RuleSetSettings *m_settings;
    QList<RuleTableModel *> m_tables;
    client::Draft m_draft;
    State m_state = State::Unknown;
    bool m_busy = false;
};

} // namespace haitao::models
