#pragma once

#include "backend-client/listingtypes.h"
#include "models/textdiff.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace haitao::widgets {

// For reviewers of a listing in review: each field's text against the last published text
// (deleted words struck through in red, new ones in green), then Approve, or Reject with a
// reason the translator sees.
class ReviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewPanel(QWidget *parent = nullptr);

    void setTexts(const QStringList &keys, const QHash<QString, QString> &labels,
                  const std::optional<client::ListingText> &published,
                  const client::ListingText &current);
    void setBusy(bool busy);
    QString reason() const;
    void clearReason();
    QTextBrowser *diffView() const { return m_diff; }

    // The diff as HTML (escaped text in spans).
    static QString diffHtml(const QList<models::DiffPart> &parts);

signals:
    void approveRequested();
    void rejectRequested(const QString &reason);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void render();
    void updateButtons();

    QStringList m_keys;
    QHash<QString, QString> m_labels;
    std::optional<client::ListingText> m_published;
    client::ListingText m_current;
    bool m_busy = false;
    QLabel *m_title;
    QTextBrowser *m_diff;
    QLabel *m_reasonLabel;
    QPlainTextEdit *m_reason;
    QPushButton *m_approve;
    QPushButton *m_reject;
};

} // namespace haitao::widgets
