#include "models/glossarymodel.h"

#include "models/itemroles.h"

namespace haitao::models {

namespace {

const QString kTerm = QStringLiteral("term");
const QString kForbidden = QStringLiteral("forbidden");

} // namespace

GlossaryModel::GlossaryModel(client::ApiClient *client, QObject *parent)
    : PagedTableModel(parent)
    , m_api(client)
{}

void GlossaryModel::setPair(const QString &source, const QString &target)
{
    if (source == m_source && target == m_target)
        return;
    m_source = source;
    m_target = target;
    reload();
}

void GlossaryModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    reload();
}

void GlossaryModel::setEditable(bool editable)
{
    if (editable == m_editable)
        return;
    m_editable = editable;
    // Flags are not covered by dataChanged(); a layout change makes views ask again.
    emit layoutAboutToBeChanged();
    emit layoutChanged();
}

int GlossaryModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).entry.id == id)
            return row;
    }
    return -1;
}

QString GlossaryModel::kindLabel(const QString &kind)
{
    if (kind == kForbidden)
        return tr("Forbidden");
    if (kind == kTerm)
        return tr("Term");
    return kind;
}

int GlossaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GlossaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString GlossaryModel::fieldText(const client::GlossaryEntry &entry, int column)
{
    switch (column) {
    case TermColumn:
        return entry.term;
    case TranslationColumn:
        return entry.translation;
    case KindColumn:
        return entry.kind;
    case NoteColumn:
        return entry.note;
    case UpdatedByColumn:
        return entry.updatedBy;
    default:
        return {};
    }
}

void GlossaryModel::setFieldText(client::GlossaryEntry &entry, int column, const QString &text)
{
    switch (column) {
    case TermColumn:
        entry.term = text;
        break;
    case TranslationColumn:
        entry.translation = text;
        break;
    case KindColumn:
        entry.kind = text;
        break;
    case NoteColumn:
        entry.note = text;
        break;
    default:
        break;
    }
}

int GlossaryModel::columnOfField(const QString &field)
{
    if (field == QLatin1String("term"))
        return TermColumn;
    if (field == QLatin1String("translation"))
        return TranslationColumn;
    if (field == QLatin1String("kind"))
        return KindColumn;
    if (field == QLatin1String("note"))
        return NoteColumn;
    return -1;
}

QVariant GlossaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (role == IdRole)
        return row.entry.id;
    if (role == ErrorRole)
        return row.errors.value(column);
    if (role == Qt::ToolTipRole) {
        const QString error = row.errors.value(column);
        return error.isEmpty() ? QVariant() : QVariant(error);
    }

    if (column == UpdatedAtColumn) {
        if (role == Qt::DisplayRole)
            return row.entry.updatedAt.toLocalTime();
        if (role == RawRole)
            return row.entry.updatedAt;
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != RawRole)
        return {};
    // A refused edit stays visible, flagged, so the user can correct it where it was typed.
    const QString text =
        row.refused.contains(column) ? row.refused.value(column) : fieldText(row.entry, column);
    if (column == KindColumn && role == Qt::DisplayRole)
        return kindLabel(text);
    return text;
}

QVariant GlossaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedTableModel::headerData(section, orientation, role);
    switch (section) {
    case TermColumn:
        return tr("Term");
    case TranslationColumn:
        return tr("Translation");
    case KindColumn:
        return tr("Kind");
    case NoteColumn:
        return tr("Note");
    case UpdatedByColumn:
        return tr("Changed by");
    case UpdatedAtColumn:
        return tr("Changed");
    default:
        return {};
    }
}

Qt::ItemFlags GlossaryModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = PagedTableModel::flags(index);
    if (index.isValid() && m_editable && index.column() <= NoteColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool GlossaryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (!m_editable || role != Qt::EditRole || index.column() > NoteColumn)
        return false;
    Row &row = m_rows[index.row()];
    const int column = index.column();
    const QString text =
        column == KindColumn ? value.toString().trimmed().toLower() : value.toString();
    const bool hadError = row.refused.remove(column) + row.errors.remove(column) > 0;
    if (text == fieldText(row.entry, column)) {
        // Back to the saved value: nothing to send, but a flagged cell shows the truth again.
        if (hadError)
            emit dataChanged(index, index);
        return true;
    }
    client::GlossaryEntry changed = row.entry;
    setFieldText(changed, column, text);
    // Until the server answers the cell shows the edit as typed, not the old value.
    row.refused.insert(column, text);
    emit dataChanged(index, index);
    sendUpdate(changed, column, text);
    return true;
}

void GlossaryModel::sendUpdate(const client::GlossaryEntry &changed, int column,
                               const QString &text)
{
    // Two quick edits of one row race: only the latest answer is applied. The second one
    // carries the same version and gets a 412, which reloads the row.
    const qint64 id = changed.id;
    const quint64 sequence = ++m_writeSequence[id];
    writeStarted();
    m_api.update(changed, this,
                 [this, changed, column, text,
                  sequence](const client::Result<client::GlossaryEntry> &result) {
                     const bool latest = m_writeSequence.value(changed.id) == sequence;
                     if (latest && result.ok()) {
                         replaceEntry(result.value());
                     } else if (latest) {
                         const client::ApiError &e = result.error();
                         if (e.kind == ProblemKind::PreconditionFailed) {
                             refetch(changed);
                             emit errorOccurred(e);
                         } else if (e.kind == ProblemKind::NotFound) {
                             removeRowOfId(changed.id); // deleted by someone else
                             emit errorOccurred(e);
                         } else {
                             putErrorsOnCells(changed.id, column, text, e);
                         }
                     }
                     writeDone();
                 });
}

void GlossaryModel::putErrorsOnCells(qint64 id, int editedColumn, const QString &text,
                                     const client::ApiError &error)
{
    const int rowIndex = rowOfId(id);
    if (rowIndex >= 0) {
        Row &row = m_rows[rowIndex];
        row.refused.insert(editedColumn, text);
        bool placed = false;
        for (const client::FieldError &f : error.errors) {
            const int column = columnOfField(f.field);
            if (column < 0)
                continue;
            row.errors.insert(column, f.message);
            placed = true;
        }
        // A duplicate (409) or a refusal without fields belongs to the cell that was edited.
        if (!placed)
            row.errors.insert(editedColumn, error.message());
        refreshRow(rowIndex);
    }
    emit errorOccurred(error);
}

void GlossaryModel::refetch(const client::GlossaryEntry &entry)
{
    // There is no single-entry GET: search for the term (rarely the field that changed) and
    // pick the entry by id; when it moved out of sight, reload the list.
    const qint64 id = entry.id;
    writeStarted();
    m_api.list(m_source, m_target, entry.term, QString(), 200, this,
               [this, id](const client::Result<Page<client::GlossaryEntry>> &result) {
                   bool found = false;
                   if (result.ok()) {
                       for (const client::GlossaryEntry &e : result.value().items) {
                           if (e.id == id) {
                               replaceEntry(e);
                               found = true;
                           }
                       }
                   }
                   if (!found && rowOfId(id) >= 0)
                       reload();
                   writeDone();
               });
}

void GlossaryModel::replaceEntry(const client::GlossaryEntry &entry)
{
    const int row = rowOfId(entry.id);
    if (row < 0)
        return; // reloaded meanwhile: the rows came from the server anyway
    m_rows[row] = Row{entry, {}, {}};
    refreshRow(row);
}

void GlossaryModel::removeRowOfId(qint64 id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void GlossaryModel::refreshRow(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void GlossaryModel::writeDone()
{
    --m_pending;
    emit writeFinished();
}

void GlossaryModel::addEntry(const client::GlossaryEntry &entry)
{
    client::GlossaryEntry e = entry;
    e.sourceLanguage = m_source;
    e.targetLanguage = m_target;
    if (e.kind.isEmpty())
        e.kind = kTerm;
    writeStarted();
    m_api.create(e, this, [this, e](const client::Result<client::GlossaryEntry> &result) {
        if (!result.ok()) {
            emit addFailed(result.error());
        } else if (e.sourceLanguage == m_source && e.targetLanguage == m_target) {
            // First, where the user looks; a later page skips it (see requestPage).
            if (rowOfId(result.value().id) < 0) {
                beginInsertRows({}, 0, 0);
                m_rows.prepend(Row{result.value(), {}, {}});
                endInsertRows();
            }
            emit entryAdded(rowOfId(result.value().id));
        } // else the user switched pairs meanwhile: the entry is not this list's
        writeDone();
    });
}

void GlossaryModel::deleteEntry(qint64 id)
{
    const int row = rowOfId(id);
    if (row < 0 || !m_editable)
        return;
    const client::GlossaryEntry entry = m_rows.at(row).entry;
    const quint64 sequence = ++m_writeSequence[id];
    writeStarted();
    m_api.remove(entry, this, [this, entry, sequence](const client::Result<client::Done> &result) {
        if (result.ok() || result.error().kind == ProblemKind::NotFound) {
            removeRowOfId(entry.id); // gone either way
            emit entryDeleted(entry.id);
        } else if (m_writeSequence.value(entry.id) == sequence) {
            if (result.error().kind == ProblemKind::PreconditionFailed)
                refetch(entry); // show what the other person saved before deleting it
            emit errorOccurred(result.error());
        }
        writeDone();
    });
}

void GlossaryModel::requestPage(const QString &cursor, quint64 request)
{
    m_api.list(m_source, m_target, m_search, cursor, m_pageSize, this,
               [this, request](const client::Result<Page<client::GlossaryEntry>> &result) {
                   if (!isCurrent(request))
                       return;
                   if (!result.ok()) {
                       rejectPage(request, result.error());
                       return;
                   }
                   QList<Row> rows;
                   for (const client::GlossaryEntry &e : result.value().items) {
                       if (rowOfId(e.id) < 0) // added here before its page came
                           rows.append(Row{e, {}, {}});
                   }
                   if (!rows.isEmpty()) {
                       beginInsertRows({}, int(m_rows.size()),
                                       int(m_rows.size() + rows.size() - 1));
                       m_rows.append(rows);
                       endInsertRows();
                   }
                   acceptPage(request, result.value().nextCursor);
               });
}

} // namespace haitao::models
