#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>
#include <QStringView>

#include <memory>
#include <optional>

namespace haitao::server::catalog {

// The text encoding of a partner feed. Auto: UTF-8 unless the bytes are not valid UTF-8, then
// GBK (EncodingSniffer decides, once per file). GBK is read as GB18030, its superset.
enum class FeedEncoding { Auto, Utf8, Gbk };

// "utf-8"/"utf8" -> Utf8, "gbk"/"gb2312"/"gb18030"/"cp936" -> Gbk, any case; nullopt for
// anything else, so that the import can refuse an encoding it would only guess at.
std::optional<FeedEncoding> feedEncodingFromName(QStringView name);
// The charset parameter of a Content-Type value, unquoted: "text/csv; charset=GBK" -> "GBK";
// empty when there is none.
QString charsetParameter(QStringView contentType);
// Whether this Qt can decode GB18030 (it can when built with ICU, as Debian's and Homebrew's
// are; Qt without ICU knows only UTF and Latin-1).
bool gbkAvailable();

// Settles a file's encoding from its first bytes and strips a UTF-8 byte order mark. Bytes go
// in as they arrive; out come the bytes the reader may have now. A UTF-8 BOM means UTF-8 even
// if GBK was declared; a UTF-16 BOM is an error. Otherwise a declared encoding is used as is.
// Under Auto, ASCII is the same in both encodings, so bytes pass straight on until the first
// byte above 0x7F; from there up to Window bytes are held back and checked: valid UTF-8 (a
// sequence cut by the window's end aside) means UTF-8, anything else GBK. The decision is
// never revisited: later bytes that do not decode become row errors.
class EncodingSniffer
{
public:
    static constexpr qsizetype Window = 64 * 1024;

    explicit EncodingSniffer(FeedEncoding declared);

    QByteArray feed(QByteArrayView chunk);
    QByteArray finish(); // what is still held back; decides if nothing did yet

    FeedEncoding encoding() const { return m_encoding; } // Auto while only ASCII was seen
    QString error() const { return m_error; }            // the file cannot be read at all
    QString note() const { return m_note; } // how the encoding was settled, when worth saying

private:
    QByteArray drain(bool atEnd);
    bool checkBom(bool atEnd);

    FeedEncoding m_declared;
    FeedEncoding m_encoding;
    bool m_bomChecked = false;
    QByteArray m_pending;
    QString m_error;
    QString m_note;
};

// Decodes one field (or line) whose bytes are complete. nullopt when they are not valid in the
// encoding: the caller reports the row, nothing is replaced or guessed.
class TextDecoder
{
public:
    explicit TextDecoder(FeedEncoding encoding = FeedEncoding::Auto);
    ~TextDecoder();

    void setEncoding(FeedEncoding encoding);
    FeedEncoding encoding() const { return m_encoding; }
    std::optional<QString> decode(QByteArrayView bytes);

private:
    FeedEncoding m_encoding;
    // Reused: opening an ICU converter costs more than a short field. Held by pointer because
    // Qt 6.4's ICU converter keeps the address of the decoder's state, so a decoder must not
    // be moved once used.
    std::unique_ptr<QStringDecoder> m_gbk;
};

namespace detail {
// Whether the bytes are whole GB18030 sequences: ASCII, 0x81-0xFE with 0x40-0x7E or 0x80-0xFE,
// or four bytes 0x81-0xFE 0x30-0x39 0x81-0xFE 0x30-0x39. (Qt's decoder silently holds a cut
// sequence back, so completeness is checked here.)
bool isWholeGb18030(QByteArrayView bytes);
// Valid UTF-8, except that when `cutAtEnd` a sequence the end cuts short is not held against it.
bool looksLikeUtf8(QByteArrayView bytes, bool cutAtEnd);
} // namespace detail

} // namespace haitao::server::catalog
