#pragma once

#include "backend-client/glossaryapi.h"
#include "core/role.h"
#include "widgets/page.h"

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class QWidget;

namespace haitao::models {
class GlossaryModel;
}

namespace haitao::widgets {

class MessageLabel;

// The glossary of one language pair at a time: terms with the translation they must get and
// forbidden words, searchable, imported from and exported to CSV. Ops and admins edit cells in
// place, add and delete entries and import; translators (and anyone else) only read and export.
// Errors show in the line above the table and, for a refused cell, on the cell itself.
class GlossaryPage : public Page
{
    Q_OBJECT

public:
    GlossaryPage(client::ApiClient *client, Role role, QWidget *parent = nullptr);

    QString title() const override;

    models::GlossaryModel *model() const { return m_model; }
    bool isEditable() const;

public slots:
    // What the file dialogs lead to (tests call them directly too).
    void importFile(const QString &path);
    void exportTo(const QString &path);

signals:
    // An import or export finished (either way); the message line says how.
    void importFinished();
    void exportFinished();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void pairChosen();
    void addEntry();
    void askDelete();
    void chooseImportFile();
    void chooseExportFile();
    void updateButtons();

    client::GlossaryApi m_api;
    Role m_role;
    models::GlossaryModel *m_model;
    QComboBox *m_pair;
    QLineEdit *m_search;
    QTimer *m_searchTimer;
    QPushButton *m_importButton;
    QPushButton *m_exportButton;
    QPushButton *m_deleteButton;
    QWidget *m_addBar;
    QLineEdit *m_newTerm;
    QLineEdit *m_newTranslation;
    QComboBox *m_newKind;
    QLineEdit *m_newNote;
    QPushButton *m_addButton;
    MessageLabel *m_message;
    QTableView *m_view;
    bool m_loaded = false;
    bool m_transferring = false; // an import or export is running
};

} // namespace haitao::widgets
