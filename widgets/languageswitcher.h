#pragma once

#include <QObject>
#include <QStringList>

class QTranslator;

namespace haitao::widgets {

// Owns the app's translators and switches the UI language live: installing or removing a
// translator makes Qt send QEvent::LanguageChange to every widget, whose retranslateUi() does
// the rest. English is the source language and needs no translator.
class LanguageSwitcher : public QObject
{
    Q_OBJECT

public:
    explicit LanguageSwitcher(QObject *parent = nullptr);

    static QString english() { return QStringLiteral("en"); }
    static QString simplifiedChinese() { return QStringLiteral("zh_CN"); }
    static QStringList languages() { return {english(), simplifiedChinese()}; }
    // The language's name in that language, for the menu ("简体中文").
    static QString nativeName(const QString &language);

    QString language() const { return m_language; }
    // Applies a language and remembers it in QSettings. False for an unknown language or a
    // translation that cannot be loaded (the language then stays as it was).
    bool setLanguage(const QString &language);
    // Applies the language remembered by setLanguage(); before the user ever chose one, the
    // system's UI language when it is one of ours (not remembered: it follows the system).
    void applySaved();
    // Ours for a list of BCP 47 UI languages (QLocale::uiLanguages()): the first Chinese
    // ("zh-Hans-CN", "zh-TW") or English one, else English.
    static QString languageFor(const QStringList &uiLanguages);

signals:
    void languageChanged(const QString &language);

private:
    bool apply(const QString &language, bool remember);
    void removeTranslators();

    QTranslator *m_appTranslator;
    QTranslator *m_qtTranslator; // Qt's own strings (standard buttons), when installed
    QString m_language = english();
};

} // namespace haitao::widgets
