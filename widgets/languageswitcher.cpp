#include "widgets/languageswitcher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <QWidget>

namespace haitao::widgets {

namespace {

QString settingsKey()
{
    return QStringLiteral("ui/language");
}

} // namespace

LanguageSwitcher::LanguageSwitcher(QObject *parent)
    : QObject(parent)
    , m_appTranslator(new QTranslator(this))
    , m_qtTranslator(new QTranslator(this))
{}

QString LanguageSwitcher::nativeName(const QString &language)
{
    if (language == simplifiedChinese())
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

bool LanguageSwitcher::setLanguage(const QString &language)
{
    return apply(language, true);
}

QString LanguageSwitcher::languageFor(const QStringList &uiLanguages)
{
    for (const QString &tag : uiLanguages) {
        const QString primary = tag.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (primary == u"zh")
            return simplifiedChinese();
        if (primary == u"en")
            return english();
    }
    return english();
}

bool LanguageSwitcher::apply(const QString &language, bool remember)
{
    if (!languages().contains(language))
        return false;
    if (language == m_language) {
        if (remember)
            QSettings().setValue(settingsKey(), language);
        return true;
    }

    if (language == english()) {
        removeTranslators();
    } else {
        QTranslator *app = new QTranslator(this);
        if (!app->load(QStringLiteral(":/i18n/haitao_%1.qm").arg(language))) {
            delete app;
            return false;
        }
        removeTranslators();
        delete m_appTranslator;
        m_appTranslator = app;
        QCoreApplication::installTranslator(m_appTranslator);
        // Qt's own translations are a bonus: the Debian package may not be installed.
        if (m_qtTranslator->load(QStringLiteral("qtbase_%1").arg(language),
                                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(m_qtTranslator);
    }
    m_language = language;
    // Dates and numbers follow the language too; widgets made later take the default.
    const QLocale locale = language == english() ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                 : QLocale(QLocale::Chinese, QLocale::China);
    QLocale::setDefault(locale);
    const QList<QWidget *> windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows)
        window->setLocale(locale);
    if (remember)
        QSettings().setValue(settingsKey(), language);
    emit languageChanged(language);
    return true;
}

void LanguageSwitcher::applySaved()
{
    const QString saved = QSettings().value(settingsKey()).toString();
    if (!saved.isEmpty())
        apply(saved, true);
    else
        apply(languageFor(QLocale::system().uiLanguages()), false);
}

void LanguageSwitcher::removeTranslators()
{
    // Removing a translator that is not installed is a harmless no-op.
    QCoreApplication::removeTranslator(m_appTranslator);
    QCoreApplication::removeTranslator(m_qtTranslator);
}

} // namespace haitao::widgets
