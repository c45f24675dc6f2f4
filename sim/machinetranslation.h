#pragma once

#include <QString>
#include <QStringList>

namespace haitao::sim {

// The fake machine translation behind POST /mt/translate: deterministic, so tests can state
// the exact output. Known words and phrases (a small product glossary per source language)
// become Chinese, everything else stays as written, and every result starts with
// kMachineMarker so that a test can tell machine output from a translator's.
inline constexpr char16_t kMachineMarker[] = u"[MT] ";

QStringList supportedSourceLanguages();              // "en", "de", "ja"
bool isSupportedTargetLanguage(const QString &code); // "zh", "zh-CN", "zh-Hans"

// `from` must be one of supportedSourceLanguages().
QString fakeTranslate(const QString &text, const QString &from);

} // namespace haitao::sim
