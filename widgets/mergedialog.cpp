#include "widgets/mergedialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

QPlainTextEdit *textBox(const QString &text, bool readOnly, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(text, parent);
    edit->setReadOnly(readOnly);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(60);
    edit->setMaximumHeight(text.size() > 200 ? 200 : 90);
    return edit;
}

} // namespace

MergeDialog::MergeDialog(const QStringList &keys, const QHash<QString, QString> &labels,
                         const client::ListingText &original, const client::ListingText &theirs,
                         const client::ListingText &yours, QWidget *parent)
    : QDialog(parent)
    , m_keys(keys)
    , m_original(original)
    , m_theirs(theirs)
    , m_yours(yours)
{
    setObjectName(QStringLiteral("mergeDialog"));
    setWindowTitle(tr("Merge changes"));
    auto *intro = new QLabel(tr("Someone else changed this listing since you opened it. For "
                                "each field choose the text to keep, or edit it."),
                             this);
    intro->setWordWrap(true);

    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    grid->addWidget(new QLabel(tr("<b>Field</b>"), content), 0, 0);
    grid->addWidget(new QLabel(tr("<b>Original</b>"), content), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Theirs</b>"), content), 0, 2);
    grid->addWidget(new QLabel(tr("<b>Yours</b>"), content), 0, 3);
    grid->addWidget(new QLabel(tr("<b>Result</b>"), content), 0, 4);
    int row = 1;
    for (const QString &key : keys) {
        const QString o = original.value(key), t = theirs.value(key), y = yours.value(key);
        if (t == y)
            continue;
        auto *label = new QLabel(labels.value(key, key), content);
        label->setWordWrap(true);
        grid->addWidget(label, row, 0, Qt::AlignTop);
        grid->addWidget(textBox(o, true, content), row, 1);
        grid->addWidget(textBox(t, true, content), row, 2);
        grid->addWidget(textBox(y, true, content), row, 3);
        // Prefill with the side that changed; when both did, yours, marked for attention.
        QPlainTextEdit *result = textBox(y == o ? t : y, false, content);
        result->setObjectName(QStringLiteral("merge:") + key);
        m_rows.insert(key, result);
        auto *cell = new QVBoxLayout;
        cell->addWidget(result);
        if (bothChanged(key)) {
            auto *warn = new QLabel(tr("Both changed this field"), content);
            warn->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
            cell->addWidget(warn);
        }
        auto *choices = new QHBoxLayout;
        const std::pair<Side, QString> sides[] = {{Side::Original, tr("Original")},
                                                  {Side::Theirs, tr("Theirs")},
                                                  {Side::Yours, tr("Yours")}};
        for (const auto &[side, text] : sides) {
            auto *button = new QPushButton(text, content);
            button->setAutoDefault(false);
            connect(button, &QPushButton::clicked, this, [this, key, side] { choose(key, side); });
            choices->addWidget(button);
        }
        cell->addLayout(choices);
        grid->addLayout(cell, row, 4);
        ++row;
    }
    for (int c = 1; c <= 4; ++c)
        grid->setColumnStretch(c, 1);
    grid->setRowStretch(row, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *save = buttons->addButton(tr("Use the result"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("mergeAcceptButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(1100, 560);
}

bool MergeDialog::bothChanged(const QString &key) const
{
    const QString o = m_original.value(key);
    return m_theirs.value(key) != o && m_yours.value(key) != o &&
           m_theirs.value(key) != m_yours.value(key);
}

void MergeDialog::choose(const QString &key, Side side)
{
    QPlainTextEdit *edit = m_rows.value(key);
    if (!edit)
        return;
    const client::ListingText &from =
        side == Side::Original ? m_original : (side == Side::Theirs ? m_theirs : m_yours);
    edit->setPlainText(from.value(key));
}

client::ListingText MergeDialog::merged() const
{
    // Start from theirs so that fields neither side touched keep the server's text.
    client::ListingText out = m_theirs;
    for (const QString &key : m_keys) {
        if (QPlainTextEdit *edit = m_rows.value(key))
            out.setValue(key, edit->toPlainText());
        else
            out.setValue(key, m_theirs.value(key)); // theirs == yours here
    }
    return out;
}

} // namespace haitao::widgets
