#pragma once

#include "backend-client/listingapi.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace haitao::models {
class SuggestionsModel;
}

namespace haitao::widgets {

class MessageLabel;

// Suggestions for the field the translator is in: translation memory and machine
// translation, each fetched only when asked for, and put into the field only when the
// translator clicks Insert (or double-clicks a suggestion).
class SuggestionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SuggestionsPanel(client::ListingApi api, QWidget *parent = nullptr);

    // The field the suggestions are for; clears the list when it changes.
    void setSegment(const QString &key, const QString &label, const QString &sourceText,
                    const QString &sourceLanguage);
    QString key() const { return m_key; }
    models::SuggestionsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setEditable(bool editable);

public slots:
    void fetchMemory();
    void fetchMachine();
    void insertSelected();

signals:
    void insertRequested(const QString &key, const QString &text);
    void fetched(); // an answer (or an error) arrived

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();

    client::ListingApi m_api;
    QString m_key, m_label, m_source, m_language;
    bool m_editable = true;
    int m_pending = 0;
    models::SuggestionsModel *m_model;
    QLabel *m_title;
    QPushButton *m_tmButton;
    QPushButton *m_mtButton;
    QPushButton *m_insertButton;
    QTableView *m_view;
    MessageLabel *m_message;
};

} // namespace haitao::widgets
