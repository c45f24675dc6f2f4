#include "models/pricingdraft.h"

#include "models/rulesetsettings.h"
#include "models/ruletablemodel.h"

namespace haitao::models {

PricingDraft::PricingDraft(client::PricingApi api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_settings(new RuleSetSettings(this))
{
    connect(m_settings, &RuleSetSettings::modifiedChanged, this,
            [this] { emit modifiedChanged(isModified()); });
    for (const QString &kind : RuleTableModel::pricingKinds() + RuleTableModel::promotionKinds()) {
        auto *table = new RuleTableModel(kind, this);
        connect(table, &RuleTableModel::modifiedChanged, this,
                [this] { emit modifiedChanged(isModified()); });
        m_tables.append(table);
    }
}

bool PricingDraft::isModified() const
{
    if (m_settings->isModified())
        return true;
    for (const RuleTableModel *table : m_tables) {
        if (table->isModified())
            return true;
    }
    return false;
}

int PricingDraft::errorCount() const
{
    int errors = m_settings->errorCount();
    for (const RuleTableModel *table : m_tables)
        errors += table->errorCount();
    return errors;
}

RuleTableModel *PricingDraft::table(const QString &kind) const
{
    for (RuleTableModel *table : m_tables) {
        if (table->kind() == kind)
            return table;
    }
    return nullptr;
}

QJsonObject PricingDraft::document() const
{
    QJsonArray rules;
    for (const RuleTableModel *table : m_tables) {
        for (const QJsonValue &rule : table->rules())
            rules.append(rule);
    }
    QJsonObject doc = m_settings->applied(m_draft.document);
    doc.insert(QStringLiteral("rules"), rules);
    return doc;
}

void PricingDraft::load()
{
    if (!begin())
        return;
    m_api.draft(this, [this](const client::Result<client::Draft> &r) {
        end();
        if (r.ok())
            setDraft(r.value());
        else if (r.error().kind == ProblemKind::NotFound)
            setNone();
        else
            fail(r.error());
    });
}

void PricingDraft::create()
{
    if (!begin())
        return;
    m_api.createDraft(std::nullopt, this, [this](const client::Result<client::Draft> &r) {
        end();
        if (r.ok()) {
            setDraft(r.value());
            return;
        }
        fail(r.error());
        if (r.error().kind == ProblemKind::Conflict)
            load(); // someone else opened one: show it
    });
}

bool PricingDraft::save()
{
    if (m_state != State::Open || errorCount() > 0 || !begin())
        return false;
    // Composing records where each row stands, so that the answer's errors find their cells.
    QJsonObject doc = m_settings->compose(m_draft.document);
    doc.insert(QStringLiteral("rules"), RuleTableModel::composeRules(m_tables));
    m_settings->clearServerErrors();
    for (RuleTableModel *table : m_tables)
        table->clearServerErrors();
    m_api.saveDraft(doc, m_draft.etag, this, [this](const client::Result<client::Draft> &r) {
        end();
        if (!r.ok()) {
            fail(r.error());
            return;
        }
        m_draft = r.value();
        m_settings->markSaved();
        for (RuleTableModel *table : m_tables)
            table->markSaved();
        emit stateChanged();
        emit saved();
    });
    return true;
}

void PricingDraft::discard()
{
    if (m_state != State::Open || !begin())
        return;
    m_api.discardDraft(m_draft.etag, this, [this](const client::Result<client::Done> &r) {
        end();
        if (r.ok())
            setNone();
        else
            fail(r.error());
    });
}

void PricingDraft::publish(const client::PublishRequest &request)
{
    if (m_state != State::Open || !begin())
        return;
    m_settings->clearServerErrors();
    for (RuleTableModel *table : m_tables)
        table->clearServerErrors();
    m_api.publishDraft(request, m_draft.etag, this,
                       [this](const client::Result<client::RuleSetVersion> &r) {
                           end();
                           if (!r.ok()) {
                               fail(r.error());
                               return;
                           }
                           emit published(r.value());
                           load(); // the draft became the version
                       });
}

void PricingDraft::setDraft(const client::Draft &draft)
{
    m_draft = draft;
    m_settings->load(draft.document);
    const QJsonArray rules = draft.document.value(QStringLiteral("rules")).toArray();
    for (RuleTableModel *table : m_tables)
        table->setRules(rules);
    m_state = State::Open;
    emit stateChanged();
}

void PricingDraft::setNone()
{
    m_draft = client::Draft();
    m_settings->load({});
    for (RuleTableModel *table : m_tables)
        table->setRules({});
    m_state = State::None;
    emit stateChanged();
}

bool PricingDraft::begin()
{
    if (m_busy)
        return false;
    m_busy = true;
    emit busyChanged(true);
    return true;
}

void PricingDraft::end()
{
    m_busy = false;
    emit busyChanged(false);
}

void PricingDraft::fail(const client::ApiError &error)
{
    if (error.kind == ProblemKind::PreconditionFailed) {
        emit conflict();
        return;
    }
    if (error.kind == ProblemKind::Validation && !error.errors.isEmpty()) {
        int mapped = 0;
        QList<client::FieldError> unmapped;
        for (const client::FieldError &e : error.errors) {
            bool placed = m_settings->setServerError(e.field, e.message);
            for (RuleTableModel *table : m_tables)
                placed = placed || table->setServerError(e.field, e.message);
            if (placed)
                ++mapped;
            else
                unmapped.append(e);
        }
        emit validationFailed(mapped, unmapped);
        return;
    }
    emit errorOccurred(error);
}

} // namespace haitao::models
