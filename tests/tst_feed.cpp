// Partner feed reading (backend/catalog, docs/feeds.md): the CSV and JSON Lines readers, the
// encoding decision, the column mapping and row checks, chunk boundaries at every byte, and a
// generated 10,000-row feed. Prints the parse throughput for 100,000 rows.
#include "backend/catalog/csvreader.h"
#include "backend/catalog/feedencoding.h"
#include "backend/catalog/feedmapper.h"
#include "backend/catalog/feedparser.h"
#include "backend/catalog/jsonlreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStringEncoder>
#include <QTest>

#include <tuple>

using namespace haitao::server::catalog;

namespace {

QString optionalText(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QStringLiteral("-");
}

QString escaped(QString s)
{
    s.replace(u'\r', QStringLiteral("\\r"));
    s.replace(u'\n', QStringLiteral("\\n"));
    return s;
}

// Every FeedRow member on one line, so that a QCOMPARE shows what differs.
QString show(const FeedRow &r)
{
    QStringList options;
    for (const auto &[name, value] : r.options)
        options.append(name + u'=' + value);
    return QStringList{QString::number(r.lineNumber),
                       r.sku,
                       r.group,
                       r.title,
                       r.price.toString() + u' ' + r.currency().code(),
                       escaped(r.description),
                       r.brand,
                       r.category,
                       r.url,
                       r.imageUrls.join(u' '),
                       optionalText(r.weightG),
                       optionalText(r.lengthMm),
                       optionalText(r.widthMm),
                       optionalText(r.heightMm),
                       optionalText(r.stock),
                       r.titleZh,
                       escaped(r.descriptionZh),
                       options.join(u' ')}
        .join(u'|');
}

QString show(const RowError &e)
{
    return QStringLiteral("E%1 %2: %3").arg(e.line).arg(e.field, e.reason);
}

struct Outcome
{
    QStringList events; // rows and errors in the order they came
    QList<FeedRow> rows;
    QList<RowError> errors;
    QString fileError;
    QStringList warnings;
    FeedEncoding encoding = FeedEncoding::Auto;
    qint64 accepted = 0;
    qint64 rejected = 0;

    // "E<line> <field>" of every error, for exact line checks.
    QStringList errorLines() const
    {
        QStringList out;
        for (const RowError &e : errors)
            out.append(QStringLiteral("E%1 %2").arg(e.line).arg(e.field).trimmed());
        return out;
    }
};

// Feeds `data` cut at the given positions (ascending), then finishes.
Outcome parse(const QByteArray &data, FeedFormat format, FeedEncoding declared = FeedEncoding::Auto,
              const QList<qsizetype> &cuts = {},
              qsizetype maxRecordBytes = FeedParser::DefaultMaxRecordBytes)
{
    Outcome out;
    FeedParser parser(format, declared, maxRecordBytes);
    const auto onRow = [&](FeedRow &&row) {
        out.events.append(show(row));
        out.rows.append(std::move(row));
    };
    const auto onError = [&](const RowError &e) {
        out.events.append(show(e));
        out.errors.append(e);
    };
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        parser.feed(QByteArrayView(data).sliced(from, cut - from), onRow, onError);
        from = cut;
    }
    parser.feed(QByteArrayView(data).sliced(from), onRow, onError);
    parser.finish(onRow, onError);
    out.fileError = parser.fileError();
    out.warnings = parser.warnings();
    out.encoding = parser.encoding();
    out.accepted = parser.rowsAccepted();
    out.rejected = parser.rowsRejected();
    return out;
}

Outcome parseCsv(const QByteArray &data, FeedEncoding declared = FeedEncoding::Auto)
{
    return parse(data, FeedFormat::Csv, declared);
}

Outcome parseJsonl(const QByteArray &data, FeedEncoding declared = FeedEncoding::Auto)
{
    return parse(data, FeedFormat::Jsonl, declared);
}

// One byte per chunk.
QList<qsizetype> everyByte(const QByteArray &data)
{
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < data.size(); ++i)
        cuts.append(i);
    return cuts;
}

QByteArray gbk(QStringView text)
{
    QStringEncoder encoder("GB18030");
    QByteArray out = encoder.encode(text);
    if (encoder.hasError())
        qFatal("test text does not encode in GB18030");
    return out;
}

QByteArray utf8(QStringView text)
{
    return text.toUtf8();
}

// Reads CSV bytes with CsvReader alone: "L<line> f1|f2|..." for records (fields escaped),
// "E<line> reason" for errors.
QStringList readCsv(const QByteArray &data, const QList<qsizetype> &cuts = {},
                    qsizetype maxRecordBytes = CsvReader::DefaultMaxRecordBytes)
{
    QStringList out;
    CsvReader reader(maxRecordBytes);
    const auto onRecord = [&](CsvRecord &&r) {
        QStringList fields;
        for (const QByteArray &f : r.fields)
            fields.append(escaped(QString::fromUtf8(f)));
        out.append(QStringLiteral("L%1 %2").arg(r.line).arg(fields.join(u'|')));
    };
    const auto onError = [&](const RowError &e) {
        out.append(QStringLiteral("E%1 %2").arg(e.line).arg(e.reason));
    };
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        reader.feed(QByteArrayView(data).sliced(from, cut - from), onRecord, onError);
        from = cut;
    }
    reader.feed(QByteArrayView(data).sliced(from), onRecord, onError);
    reader.finish(onRecord, onError);
    return out;
}

// Only the "E<line>" / "L<line> fields" prefix of error events, for comparing with lists that
// do not spell every reason.
QStringList errorsAsLines(const QStringList &events)
{
    QStringList out;
    for (const QString &e : events)
        out.append(e.startsWith(u'E') ? e.section(u' ', 0, 0) : e);
    return out;
}

// The tricky UTF-8 file: BOM, CRLF, quoted commas, doubled quotes, a line break inside
// quotes, 2-, 3- and 4-byte characters, a blank line, a bad row, no final line end.
QByteArray trickyUtf8()
{
    return utf8(u"\uFEFFSKU,Title,Price,Currency,Description,option_size\r\n"
                u"A-1,\"Caf\u00e9 table, oak\",19.99,USD,\"He said \"\"nice\"\"\r\n"
                u"second line \U0001F600\",L\r\n"
                u"\r\n"
                u"B-2,\u8fde\u8863\u88d9,1980.00,jpy,\u7ea2\u8272,\u5c3a\u7801M\r\n"
                u"C-3,bad,19.999,USD,,\r\n"
                u"D-4,\"\u4e2d\u6587\",5,EUR,\"\",XL");
}

QStringList trickyUtf8Expected()
{
    return {
        QStringLiteral("2|A-1||Caf\u00e9 table, oak|19.99 USD|He said \"nice\"\\nsecond line "
                       "\U0001F600|||||-|-|-|-|-|||size=L"),
        QStringLiteral("5|B-2||\u8fde\u8863\u88d9|1980 JPY|\u7ea2\u8272|||||-|-|-|-|-|||"
                       "size=\u5c3a\u7801M"),
        QStringLiteral("E6 price: \"19.999\" has 3 fraction digits but USD allows at most 2"),
        QStringLiteral("7|D-4||\u4e2d\u6587|5.00 EUR||||||-|-|-|-|-|||size=XL"),
    };
}

// The tricky GBK file: CRLF, quotes around a field holding a comma and a line break, a
// character whose second byte is '|' (0x7C) and one whose second byte is '\' (0x5C), a
// four-byte GB18030 character, no final line end.
QByteArray trickyGbk()
{
    return gbk(u"sku,title,price,currency,brand,image_urls\r\n"
               u"G-1,\"\u8fde\u8863\u88d9, \u7ea2\u8272\r\n\u5c3a\u7801 M\",99.50,CNY,"
               u"\u4e85\u4e57,https://img.example/a.jpg|https://img.example/b.jpg\r\n"
               u"G-2,\u00e9\u20ac \u4e2d\u6587 \U0001F600,12,CNY,,\r\n"
               u"G-3,\u8868,7,CNY,,https://img.example/c.jpg");
}

QStringList trickyGbkExpected()
{
    return {
        QStringLiteral("2|G-1||\u8fde\u8863\u88d9, \u7ea2\u8272 \u5c3a\u7801 M|99.50 CNY||"
                       "\u4e85\u4e57|||https://img.example/a.jpg https://img.example/b.jpg|"
                       "-|-|-|-|-|||"),
        QStringLiteral("4|G-2||\u00e9\u20ac \u4e2d\u6587 \U0001F600|12.00 CNY||||||-|-|-|-|-|||"),
        QStringLiteral("5|G-3||\u8868|7.00 CNY|||||https://img.example/c.jpg|-|-|-|-|-|||"),
    };
}

QByteArray trickyJsonl()
{
    return utf8(u"{\"sku\":\"J-1\",\"title\":\"Caf\u00e9 \\\"table\\\"\",\"price\":\"19.99\","
                u"\"currency\":\"USD\",\"stock\":5,\"image_urls\":[\"https://i.example/1.png\"]}"
                u"\r\n"
                u"\n"
                u"{\"sku\":\"J-2\",\"title\":\"\u8fde\u8863\u88d9 \U0001F600\",\"price\":12.5,"
                u"\"currency\":\"EUR\"}\n"
                u"not json\n"
                u"{\"sku\":\"J-3\",\"title\":\"\u4e2d\u6587\",\"price\":\"7\",\"currency\":"
                u"\"CNY\",\"option_color\":\"\u7ea2\u8272\"}");
}

QStringList trickyJsonlExpected()
{
    return {
        QStringLiteral("1|J-1||Caf\u00e9 \"table\"|19.99 USD|||||https://i.example/1.png|"
                       "-|-|-|-|5|||"),
        QStringLiteral("E3 price: must be a JSON string such as \"19.99\", not a number"),
        QStringLiteral("E4 : not valid JSON: illegal value at byte 2"),
        QStringLiteral("5|J-3||\u4e2d\u6587|7.00 CNY||||||-|-|-|-|-|||color=\u7ea2\u8272"),
    };
}

// A generated feed: `rows` SKUs with mixed English and Chinese titles, options and sizes.
// Line 1 is the header; record i (0-based) is on line i + 2.
QByteArray generatedCsv(int rows)
{
    QByteArray out = "sku,group,title,price,currency,description,brand,image_urls,weight_g,"
                     "stock,option_size,option_color\n";
    const char *sizes[] = {"S", "M", "L", "XL"};
    const QByteArray colours[] = {utf8(u"\u7ea2\u8272"), "Navy", utf8(u"\u9ed1\u8272")};
    const QByteArray shirt = utf8(u"\u886c\u886b"); // 衬衫
    // Built with QByteArray::number, not QString::arg: generating must not dwarf parsing.
    for (int i = 0; i < rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray group = QByteArray::number(i / 4);
        const QByteArray cents = QByteArray::number(i % 100).rightJustified(2, '0');
        out += "SKU-" + n + ",P-" + group + ",\"Cotton shirt " + group + ", " + shirt + ' ' + n +
               "\"," + QByteArray::number(10 + i % 90) + '.' + cents +
               ",USD,\"Soft cotton.\nMachine wash \"\"cold\"\".\",Acme,https://img.example/" +
               group + "/1.jpg|https://img.example/" + group + "/2.jpg," +
               QByteArray::number(150 + i % 50) + ',' + QByteArray::number(i % 13) + ',' +
               sizes[i % 4] + ',' + colours[i % 3] + '\n';
    }
    return out;
}

QByteArray generatedJsonl(int rows)
{
    QByteArray out;
    const QByteArray shirt = utf8(u"\u886c\u886b");
    for (int i = 0; i < rows; ++i) {
        const QByteArray group = QByteArray::number(i / 4);
        out += "{\"sku\":\"SKU-" + QByteArray::number(i) + "\",\"group\":\"P-" + group +
               "\",\"title\":\"Cotton shirt " + group + ' ' + shirt + "\",\"price\":\"" +
               QByteArray::number(10 + i % 90) +
               ".50\",\"currency\":\"EUR\",\"weight_g\":" + QByteArray::number(150 + i % 50) +
               ",\"stock\":" + QByteArray::number(i % 13) + ",\"option_size\":\"M\"}\n";
    }
    return out;
}

const QByteArray kHeader = "sku,title,price,currency\n";

// Lists compared as text, one item a line; on a difference both are printed in full.
#define COMPARE_LINES(actual, expected)                                                            \
    do {                                                                                           \
        const QString actualText = QStringList(actual).join(u'\n');                                \
        const QString expectedText = QStringList(expected).join(u'\n');                            \
        if (actualText != expectedText)                                                            \
            qInfo().noquote() << "actual:\n" << actualText << "\nexpected:\n" << expectedText;     \
        QCOMPARE(actualText, expectedText);                                                        \
    } while (false)

} // namespace

Q_DECLARE_METATYPE(FeedEncoding)

class TstFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Debian's Qt is built with ICU; without it GBK files are refused (tested below
        // through the file error), and these tests need the decoder.
        QVERIFY(gbkAvailable());
    }

    // ---- CsvReader on its own

    void csvQuirks()
    {
        // Line numbers: 1 header; 2 quoted comma and doubled quotes; 3 blank (CRLF); 4-6 one
        // record whose quoted field holds LF and CRLF; 7 blank; 8 spaces and a tab; 9 a
        // trailing empty field and an empty quoted one, with no final line end.
        const QByteArray data = "a,b,c\r\n"
                                "1,\"x, y\",\"he said \"\"hi\"\"\"\r\n"
                                "\r\n"
                                "2,\"multi\nline\r\nfield\",z\n"
                                "\n"
                                "  \t\n"
                                "3,,\"\"";
        const QStringList expected = {
            QStringLiteral("L1 a|b|c"),
            QStringLiteral("L2 1|x, y|he said \"hi\""),
            QStringLiteral("L4 2|multi\\nline\\r\\nfield|z"),
            QStringLiteral("L9 3||"),
        };
        QCOMPARE(readCsv(data), expected);
        QCOMPARE(readCsv(data, everyByte(data)), expected);
        // A final line end, LF or CRLF, changes nothing.
        QCOMPARE(readCsv(data + "\n"), expected);
        QCOMPARE(readCsv(data + "\r\n"), expected);
        // A record that is a lone quoted empty field is not a blank line.
        QCOMPARE(readCsv("a\n\"\"\n"),
                 (QStringList{QStringLiteral("L1 a"), QStringLiteral("L2 ")}));
        // Nothing at all, or only line ends: no records.
        QCOMPARE(readCsv(""), QStringList());
        QCOMPARE(readCsv("\n\r\n\n"), QStringList());
    }

    void csvMalformedRecordsAndRecovery()
    {
        const QByteArray data = "sku,title,price\n"    // 1
                                "A1,ok,1\n"            // 2
                                "A2,5\" screen,2\n"    // 3 quote inside an unquoted field
                                "A3,\"a\"b,3\n"        // 4 a character after a closing quote
                                "A4,x\n"               // 5 two fields, the header has three
                                "A5,x,5,extra\n"       // 6 four fields
                                "A6,\"multi\n"         // 7 one record over two lines...
                                "line\",6\n"           // 8 ...ends here
                                "A7,\"unclosed,7\n"    // 9 opens a quote that is never closed
                                "A8,fine,8\n"          // 10
                                "A9,\"x\",9\n"         // 11 this quote ends line 9's field; 'x'
                                                       //    follows: error for line 9, and
                                                       //    reading restarts at line 10
                                "A10,a\rb,10\n"        // 12 a CR without LF
                                "A11,\"never closed\n" // 13 still open at the end of input
                                "A12,last,12";         // 14 read again after line 13's error
        const QStringList events = readCsv(data);
        const QStringList expected = {
            QStringLiteral("L1 sku|title|price"),
            QStringLiteral("L2 A1|ok|1"),
            QStringLiteral("E3"),
            QStringLiteral("E4"),
            QStringLiteral("E5"),
            QStringLiteral("E6"),
            QStringLiteral("L7 A6|multi\\nline|6"),
            QStringLiteral("E9"),
            QStringLiteral("L10 A8|fine|8"),
            QStringLiteral("L11 A9|x|9"),
            QStringLiteral("E12"),
            QStringLiteral("E13"),
            QStringLiteral("L14 A12|last|12"),
        };
        QCOMPARE(errorsAsLines(events), expected);
        QVERIFY2(events.at(2).contains(u"quote inside an unquoted field"),
                 qPrintable(events.at(2)));
        QVERIFY2(events.at(3).contains(u"closing quote must be followed"),
                 qPrintable(events.at(3)));
        QCOMPARE(events.at(4), QStringLiteral("E5 the record has 2 fields but the header has 3"));
        QCOMPARE(events.at(5), QStringLiteral("E6 the record has 4 fields but the header has 3"));
        QVERIFY2(events.at(7).contains(u"closing quote must be followed"),
                 qPrintable(events.at(7)));
        QVERIFY2(events.at(10).contains(u"carriage return"), qPrintable(events.at(10)));
        QVERIFY2(events.at(11).contains(u"not closed"), qPrintable(events.at(11)));
        // The same at every chunk boundary.
        QCOMPARE(readCsv(data, everyByte(data)), events);
        for (qsizetype cut = 1; cut < data.size(); ++cut)
            QCOMPARE(readCsv(data, {cut}), events);
    }

    void csvRecordSizeLimit()
    {
        // Limit 20 bytes. Line 2 is 30 bytes on one line: an error, then line 3 reads. Line 4
        // opens a quote that is never closed, and its record runs past 20 bytes on line 6:
        // an error for line 4, and reading restarts at line 5.
        const QByteArray data = "a,b\n"
                                "x,0123456789012345678901234567\n"
                                "y,short\n"
                                "z,\"runs on\n"
                                "w,1\n"
                                "v,and on\n";
        const QStringList events = readCsv(data, {}, 20);
        const QStringList expected = {
            QStringLiteral("L1 a|b"), QStringLiteral("E2"),     QStringLiteral("L3 y|short"),
            QStringLiteral("E4"),     QStringLiteral("L5 w|1"), QStringLiteral("L6 v|and on"),
        };
        QCOMPARE(errorsAsLines(events), expected);
        QCOMPARE(events.at(1), QStringLiteral("E2 the record is longer than 20 bytes"));
        QCOMPARE(events.at(3), QStringLiteral("E4 the record is longer than 20 bytes"));
        QCOMPARE(readCsv(data, everyByte(data), 20), events);

        // 8 MiB of one unquoted line, fed in 64 KiB chunks, with the default 1 MiB limit: one
        // error, and the next line still reads. (The reader keeps at most the limit plus a
        // chunk; the run would take seconds if it copied the whole line around.)
        QByteArray big = "a,b\nx,";
        big.append(QByteArray(8 * 1024 * 1024, 'q'));
        big.append("\ny,ok\n");
        QList<qsizetype> cuts;
        for (qsizetype c = 65536; c < big.size(); c += 65536)
            cuts.append(c);
        QElapsedTimer timer;
        timer.start();
        const QStringList bigEvents = readCsv(big, cuts);
        QCOMPARE(errorsAsLines(bigEvents),
                 (QStringList{QStringLiteral("L1 a|b"), QStringLiteral("E2"),
                              QStringLiteral("L3 y|ok")}));
        QVERIFY2(timer.elapsed() < 5000, "an oversized record should be skipped in linear time");
    }

    // ---- Encoding

    void encodingNames()
    {
        QCOMPARE(feedEncodingFromName(u"GBK"), FeedEncoding::Gbk);
        QCOMPARE(feedEncodingFromName(u" gb2312 "), FeedEncoding::Gbk);
        QCOMPARE(feedEncodingFromName(u"GB18030"), FeedEncoding::Gbk);
        QCOMPARE(feedEncodingFromName(u"utf-8"), FeedEncoding::Utf8);
        QCOMPARE(feedEncodingFromName(u"UTF8"), FeedEncoding::Utf8);
        QCOMPARE(feedEncodingFromName(u"latin1"), std::nullopt);
        QCOMPARE(feedEncodingFromName(u""), std::nullopt);
        QCOMPARE(charsetParameter(u"text/csv; charset=GBK"), QStringLiteral("GBK"));
        QCOMPARE(charsetParameter(u"text/csv;header=present; Charset=\"gbk\""),
                 QStringLiteral("gbk"));
        QCOMPARE(charsetParameter(u"text/csv"), QString());
        QCOMPARE(charsetParameter(u"text/csv; boundary=x"), QString());
        QCOMPARE(feedFormatFromName(u"CSV"), FeedFormat::Csv);
        QCOMPARE(feedFormatFromName(u"jsonl"), FeedFormat::Jsonl);
        QCOMPARE(feedFormatFromName(u"xml"), std::nullopt);
    }

    void gb18030Structure_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("whole");
        QTest::newRow("ascii") << QByteArray("abc") << true;
        QTest::newRow("two-byte") << QByteArray("\xd6\xd0\xce\xc4") << true;  // 中文
        QTest::newRow("trail 0x40") << QByteArray("\x81\x40") << true;        // 丂
        QTest::newRow("four-byte") << QByteArray("\x94\x39\xfc\x36") << true; // U+1F600
        QTest::newRow("cut lead") << QByteArray("a\xd6") << false;
        QTest::newRow("cut four-byte") << QByteArray("\x94\x39\xfc") << false;
        QTest::newRow("0x80") << QByteArray("\x80") << false;
        QTest::newRow("0xff") << QByteArray("\xff\xa1") << false;
        QTest::newRow("trail 0x7f") << QByteArray("\x81\x7f") << false;
        QTest::newRow("trail comma") << QByteArray("\x81,") << false;
    }

    void gb18030Structure()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, whole);
        QCOMPARE(detail::isWholeGb18030(bytes), whole);
    }

    void textDecoder()
    {
        TextDecoder gbkDecoder(FeedEncoding::Gbk);
        // Bytes spelled out, so that the test does not lean on the encoder it checks.
        QCOMPARE(gbkDecoder.decode("\xd6\xd0\xce\xc4"), QStringLiteral("\u4e2d\u6587"));
        QCOMPARE(gbkDecoder.decode("\x94\x39\xfc\x36"), QStringLiteral("\U0001F600"));
        QCOMPARE(gbkDecoder.decode("\xd6"), std::nullopt); // cut: refused, not dropped
        QCOMPARE(gbkDecoder.decode("\xd0\xce\xc4"), std::nullopt);
        // An unmapped four-byte sequence past U+10FFFF: Qt flags it; the next field decodes.
        QCOMPARE(gbkDecoder.decode("\xfe\x39\xfe\x39"), std::nullopt);
        QCOMPARE(gbkDecoder.decode("\xc1\xac"), QStringLiteral("\u8fde"));

        TextDecoder utf8Decoder(FeedEncoding::Utf8);
        QCOMPARE(utf8Decoder.decode("\xe4\xb8\xad"), QStringLiteral("\u4e2d"));
        QCOMPARE(utf8Decoder.decode("\xe4\xb8"), std::nullopt);
        QCOMPARE(utf8Decoder.decode("\xd6\xd0"), std::nullopt);
        QCOMPARE(utf8Decoder.decode("\xc0\xaf"), std::nullopt); // overlong '/'
    }

    void looksLikeUtf8()
    {
        QVERIFY(detail::looksLikeUtf8("\xe4\xb8\xad", false));
        QVERIFY(!detail::looksLikeUtf8("\xe4\xb8", false));
        QVERIFY(detail::looksLikeUtf8("a\xe4\xb8", true)); // the window cut it
        QVERIFY(detail::looksLikeUtf8("a\xf0\x9f\x98", true));
        QVERIFY(!detail::looksLikeUtf8("\xd6\xd0\xce\xc4", true));
        QVERIFY(!detail::looksLikeUtf8("\xd6\xd0", true)); // D0 is a lead, not a trail
    }

    void snifferWindowEdge()
    {
        // 中 is three bytes in UTF-8 and the window (65536) is not a multiple of three, so the
        // window's end cuts a character: that must not count against UTF-8, in any chunking.
        QByteArray data = "sku,title\n1,";
        for (int i = 0; i < 30000; ++i)
            data.append("\xe4\xb8\xad");
        for (qsizetype chunk : {qsizetype(1000), qsizetype(65536), data.size()}) {
            EncodingSniffer sniffer(FeedEncoding::Auto);
            QByteArray passed;
            for (qsizetype from = 0; from < data.size(); from += chunk) {
                passed += sniffer.feed(
                    QByteArrayView(data).sliced(from).first(std::min(chunk, data.size() - from)));
            }
            QCOMPARE(sniffer.encoding(), FeedEncoding::Utf8);
            passed += sniffer.finish();
            QCOMPARE(passed, data);
            QCOMPARE(sniffer.note(), QString());
        }
        // The ASCII before the first high byte passes on at once; from there bytes wait.
        EncodingSniffer sniffer(FeedEncoding::Auto);
        QCOMPARE(sniffer.feed("ab,cd\n\xd6\xd0"), QByteArray("ab,cd\n"));
        QCOMPARE(sniffer.encoding(), FeedEncoding::Auto);
        QCOMPARE(sniffer.finish(), QByteArray("\xd6\xd0"));
        QCOMPARE(sniffer.encoding(), FeedEncoding::Gbk);
    }

    void gbkDeclaredAndDetected()
    {
        const QByteArray data = kHeader + gbk(u"\u4e2d-1,\u8fde\u8863\u88d9,99,CNY\n");
        const QString expectedRow = QStringLiteral("2|\u4e2d-1||\u8fde\u8863\u88d9|99.00 CNY|"
                                                   "|||||-|-|-|-|-|||");
        const Outcome declared = parseCsv(data, FeedEncoding::Gbk);
        QCOMPARE(declared.events, QStringList{expectedRow});
        QCOMPARE(declared.encoding, FeedEncoding::Gbk);
        QCOMPARE(declared.warnings, QStringList());

        const Outcome detected = parseCsv(data);
        QCOMPARE(detected.events, QStringList{expectedRow});
        QCOMPARE(detected.encoding, FeedEncoding::Gbk);
        QCOMPARE(detected.warnings,
                 QStringList{QStringLiteral("the file is not valid UTF-8; read as GBK")});

        // Declared UTF-8: the GBK row is refused at its line, per field, and nothing is
        // guessed.
        const Outcome wrong = parseCsv(data, FeedEncoding::Utf8);
        QCOMPARE(wrong.rows.size(), 0);
        COMPARE_LINES(wrong.errorLines(),
                      (QStringList{QStringLiteral("E2 sku"), QStringLiteral("E2 title")}));
        QCOMPARE(wrong.rejected, 1);

        // The first Chinese text comes after 100 KB of ASCII rows: the decision waits for it.
        QByteArray late = kHeader;
        for (int i = 0; i < 3000; ++i)
            late.append(
                QStringLiteral("A%1,Plain ASCII title number %1,1.50,USD\n").arg(i).toLatin1());
        QVERIFY(late.size() > 2 * EncodingSniffer::Window);
        late.append(gbk(u"Z,\u7ea2\u8272,2,CNY\n"));
        const Outcome lateGbk = parseCsv(late);
        QCOMPARE(lateGbk.encoding, FeedEncoding::Gbk);
        QCOMPARE(lateGbk.rows.size(), 3001);
        QCOMPARE(lateGbk.rows.last().title, QStringLiteral("\u7ea2\u8272"));
        QCOMPARE(lateGbk.rows.last().lineNumber, 3002);

        // A UTF-8 file with a stray GBK byte pair past the window (6000 rows of 15 to 19
        // bytes after the first Chinese text): UTF-8 was settled, so that one row is refused.
        QByteArray mixed = kHeader + utf8(u"U,\u4e2d\u6587,1,CNY\n");
        for (int i = 0; i < 6000; ++i)
            mixed.append(QStringLiteral("A%1,title,1,CNY\n").arg(i).toLatin1());
        QVERIFY(mixed.size() > EncodingSniffer::Window + 1000);
        mixed.append("Y,\xd6\xd0,1,CNY\n");
        const Outcome mixedOut = parseCsv(mixed);
        QCOMPARE(mixedOut.encoding, FeedEncoding::Utf8);
        QCOMPARE(mixedOut.rows.size(), 6001);
        COMPARE_LINES(mixedOut.errorLines(), QStringList{QStringLiteral("E6003 title")});
    }

    void byteOrderMarks()
    {
        const QByteArray body = kHeader + utf8(u"B,\u4e2d,1,CNY\n");
        const QString row = QStringLiteral("2|B||\u4e2d|1.00 CNY||||||-|-|-|-|-|||");
        // With and without a UTF-8 BOM, and the BOM split over chunks.
        QCOMPARE(parseCsv(body).events, QStringList{row});
        const QByteArray withBom = "\xEF\xBB\xBF" + body;
        QCOMPARE(parseCsv(withBom).events, QStringList{row});
        QCOMPARE(parse(withBom, FeedFormat::Csv, FeedEncoding::Auto, {1, 2, 3}).events,
                 QStringList{row});
        // A BOM wins over a GBK declaration (read as GBK, the text would be wrong).
        const Outcome declaredGbk = parseCsv(withBom, FeedEncoding::Gbk);
        QCOMPARE(declaredGbk.events, QStringList{row});
        QCOMPARE(declaredGbk.encoding, FeedEncoding::Utf8);
        QCOMPARE(declaredGbk.warnings.size(), 1);
        // UTF-16 is refused as a whole.
        const Outcome utf16 = parseCsv("\xFF\xFE"
                                       "s\0k\0u\0");
        QVERIFY2(utf16.fileError.contains(u"UTF-16"), qPrintable(utf16.fileError));
        QCOMPARE(utf16.events, QStringList());
        // A file of just "\xEF" is not a BOM: it is one (bad) byte of a header.
        QVERIFY(!parseCsv("\xEF").fileError.isEmpty());
        // The BOM is stripped from JSON Lines too.
        QCOMPARE(parseJsonl("\xEF\xBB\xBF{\"sku\":\"J\",\"title\":\"t\",\"price\":\"1\","
                            "\"currency\":\"CNY\"}")
                     .rows.size(),
                 1);
    }

    // ---- Every chunk boundary

    void chunkBoundaries_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("format");
        QTest::addColumn<FeedEncoding>("declared");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("csv utf-8 bom")
            << trickyUtf8() << int(FeedFormat::Csv) << FeedEncoding::Auto << trickyUtf8Expected();
        QTest::newRow("csv gbk declared")
            << trickyGbk() << int(FeedFormat::Csv) << FeedEncoding::Gbk << trickyGbkExpected();
        QTest::newRow("csv gbk detected")
            << trickyGbk() << int(FeedFormat::Csv) << FeedEncoding::Auto << trickyGbkExpected();
        QTest::newRow("jsonl utf-8") << trickyJsonl() << int(FeedFormat::Jsonl)
                                     << FeedEncoding::Auto << trickyJsonlExpected();
    }

    void chunkBoundaries()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, format);
        QFETCH(FeedEncoding, declared);
        QFETCH(QStringList, expected);
        const auto fmt = FeedFormat(format);
        const Outcome whole = parse(data, fmt, declared);
        QCOMPARE(whole.fileError, QString());
        COMPARE_LINES(whole.events, expected);
        // Two chunks, cut at every byte (inside BOMs, multi-byte characters, CRLF, "").
        for (qsizetype cut = 1; cut < data.size(); ++cut) {
            const Outcome split = parse(data, fmt, declared, {cut});
            if (split.events != expected || !split.fileError.isEmpty())
                QFAIL(qPrintable(QStringLiteral("cut at byte %1: %2 %3")
                                     .arg(cut)
                                     .arg(split.events.join(u'\n'), split.fileError)));
        }
        // One byte at a time, and three chunks around every pair of positions 7 apart.
        QCOMPARE(parse(data, fmt, declared, everyByte(data)).events, expected);
        for (qsizetype cut = 1; cut + 7 < data.size(); ++cut)
            QCOMPARE(parse(data, fmt, declared, {cut, cut + 7}).events, expected);
    }

    // ---- Columns and row checks (CSV)

    void everyField()
    {
        const QByteArray data =
            utf8(u" SKU ,Group,TITLE,price,Currency,description,brand,category,url,image_urls,"
                 u"weight_g,length_mm,width_mm,height_mm,stock,title_zh,description_zh,"
                 u"Option_Size,option_color,colour\n"
                 u"S-1,P-1,\"  Linen   shirt \",49.90,gbp,\"Line one\r\nLine two\",  Acme  Co ,"
                 u"Tops > Shirts,https://shop.example/p/1,"
                 u"\" https://img.example/1.jpg | |https://img.example/2.jpg\","
                 u"250,300,200,20,17,\u4e9a\u9ebb\u886c\u886b,\"\u4e00\r\n\u4e8c\",M,,teal\n");
        const Outcome out = parseCsv(data);
        QCOMPARE(out.fileError, QString());
        QCOMPARE(out.errors.size(), 0);
        QCOMPARE(out.rows.size(), 1);
        const FeedRow &r = out.rows.first();
        QCOMPARE(r.lineNumber, 2);
        QCOMPARE(r.sku, QStringLiteral("S-1"));
        QCOMPARE(r.group, QStringLiteral("P-1"));
        QCOMPARE(r.title, QStringLiteral("Linen shirt"));
        QCOMPARE(r.price.minor(), 4990); // 49.90 GBP = 4990 pence
        QCOMPARE(r.currency().code(), QStringLiteral("GBP"));
        QCOMPARE(r.description, QStringLiteral("Line one\nLine two"));
        QCOMPARE(r.brand, QStringLiteral("Acme Co"));
        QCOMPARE(r.category, QStringLiteral("Tops > Shirts"));
        QCOMPARE(r.url, QStringLiteral("https://shop.example/p/1"));
        QCOMPARE(r.imageUrls, (QStringList{QStringLiteral("https://img.example/1.jpg"),
                                           QStringLiteral("https://img.example/2.jpg")}));
        QCOMPARE(r.weightG, 250);
        QCOMPARE(r.lengthMm, 300);
        QCOMPARE(r.widthMm, 200);
        QCOMPARE(r.heightMm, 20);
        QCOMPARE(r.stock, 17);
        QCOMPARE(r.titleZh, QStringLiteral("\u4e9a\u9ebb\u886c\u886b"));
        QCOMPARE(r.descriptionZh, QStringLiteral("\u4e00\n\u4e8c"));
        // option_color is empty in this row, so only the size is listed.
        QCOMPARE(r.options,
                 (QList<QPair<QString, QString>>{{QStringLiteral("size"), QStringLiteral("M")}}));
        QCOMPARE(out.warnings, QStringList{QStringLiteral(
                                   "column \"colour\" is not a feed column and is ignored")});

        // Only the required columns: everything else absent.
        const Outcome minimal = parseCsv(kHeader + "M,t,1,CNY\n");
        QCOMPARE(minimal.events, QStringList{QStringLiteral("2|M||t|1.00 CNY||||||-|-|-|-|-|||")});
    }

    void headerProblems_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("fileError");
        QTest::addColumn<FeedEncoding>("declared");
        QTest::newRow("no price")
            << QByteArray("sku,title,currency\nA,t,USD\n")
            << QStringLiteral("the header lacks the required column(s) price (required: sku, "
                              "title, price, currency)")
            << FeedEncoding::Auto;
        QTest::newRow("none required")
            << QByteArray("name,cost\nA,1\n")
            << QStringLiteral("the header lacks the required column(s) sku, title, price, "
                              "currency (required: sku, title, price, currency)")
            << FeedEncoding::Auto;
        QTest::newRow("twice") << QByteArray("sku,title,price,currency,Price\n")
                               << QStringLiteral("the header names column(s) price more than once")
                               << FeedEncoding::Auto;
        QTest::newRow("option twice")
            << QByteArray("sku,title,price,currency,option_size,OPTION_SIZE\n")
            << QStringLiteral("the header names column(s) option_size more than once")
            << FeedEncoding::Auto;
        QTest::newRow("empty file")
            << QByteArray()
            << QStringLiteral("the file is empty: a CSV feed starts with a header line")
            << FeedEncoding::Auto;
        QTest::newRow("blank lines only")
            << QByteArray("\n\r\n  \n")
            << QStringLiteral("the file is empty: a CSV feed starts with a header line")
            << FeedEncoding::Auto;
        QTest::newRow("malformed header")
            << QByteArray("sku,ti\"tle,price,currency\nA,t,1,USD\n")
            << QStringLiteral("the header (line 1) cannot be read: a quote inside an unquoted "
                              "field (quote the whole field and double the quote: \"5\"\" "
                              "screen\")")
            << FeedEncoding::Auto;
        QTest::newRow("gbk header declared utf-8")
            << (gbk(u"sku,title,price,currency,\u5907\u6ce8\n") + "A,t,1,USD,x\n")
            << QStringLiteral("the header (line 1) is not valid UTF-8") << FeedEncoding::Utf8;
    }

    void headerProblems()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, fileError);
        QFETCH(FeedEncoding, declared);
        const Outcome out = parseCsv(data, declared);
        QCOMPARE(out.fileError, fileError);
        QCOMPARE(out.events, QStringList()); // no rows after a file error
    }

    void headerOnlyAndUnknownColumns()
    {
        // A header and no rows is a valid, empty feed.
        const Outcome empty = parseCsv(kHeader);
        QCOMPARE(empty.fileError, QString());
        QCOMPARE(empty.accepted, 0);
        // Unknown and nameless columns: one warning each, however many rows.
        const Outcome out = parseCsv("sku,title,price,currency,ean,,option_\n"
                                     "A,t,1,USD,123,x,y\n"
                                     "B,t,1,USD,456,x,y\n");
        QCOMPARE(out.rows.size(), 2);
        QCOMPARE(out.warnings,
                 (QStringList{
                     QStringLiteral("column \"ean\" is not a feed column and is ignored"),
                     QStringLiteral("column 6 has no name and is ignored"),
                     QStringLiteral("column \"option_\" is not a feed column and is ignored"),
                 }));
    }

    void prices_data()
    {
        QTest::addColumn<QString>("price");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("expected"); // "minor CODE" or "E field: reason"
        const auto row = [](const char *tag, const char *price, const char *currency,
                            const char *expected) {
            QTest::newRow(tag) << QString::fromUtf8(price) << QString::fromUtf8(currency)
                               << QString::fromUtf8(expected);
        };
        // Major units times 10^exponent: USD and EUR have 2, JPY and KRW 0.
        row("usd", "19.99", "USD", "1999 USD");
        row("one decimal", "19.9", "USD", "1990 USD");
        row("whole", "20", "EUR", "2000 EUR");
        row("spaces trimmed", " 7.50 ", "EUR", "750 EUR");
        row("lower-case currency", "1.00", "usd", "100 USD");
        row("jpy", "1980", "JPY", "1980 JPY");
        // Zeros past the currency's digits are exact, so they are read: 1980.00 JPY = 1980.
        row("jpy zeros", "1980.00", "JPY", "1980 JPY");
        row("usd zero digit", "19.990", "USD", "1999 USD");
        row("too many decimals", "19.999", "USD",
            "E price: \"19.999\" has 3 fraction digits but USD allows at most 2");
        row("jpy fraction", "1980.5", "JPY",
            "E price: \"1980.5\" has 1 fraction digits but JPY allows at most 0");
        row("grouping", "1,299.00", "USD",
            "E price: \"1,299.00\" is not a plain decimal amount (ASCII digits, optional "
            "leading '-' and one '.', no grouping)");
        row("exponent", "1e3", "USD",
            "E price: \"1e3\" is not a plain decimal amount (ASCII digits, optional "
            "leading '-' and one '.', no grouping)");
        row("zero", "0.00", "USD", "E price: must be greater than zero");
        row("negative", "-5", "USD", "E price: must be greater than zero");
        row("missing", "", "USD", "E price: is required");
        row("unknown currency", "5", "XYZ",
            "E currency: \"XYZ\" is not a supported currency (CNY, USD, EUR, GBP, AUD, CAD, "
            "HKD, CHF, SGD, NZD, JPY, KRW, TWD, THB)");
        row("no currency", "5", "", "E currency: is required");
        row("overflow", "99999999999999999999", "USD",
            "E price: \"99999999999999999999\" USD does not fit in 64-bit minor units");
    }

    void prices()
    {
        QFETCH(QString, price);
        QFETCH(QString, currency);
        QFETCH(QString, expected);
        const Outcome out =
            parseCsv(kHeader + QStringLiteral("A,t,\"%1\",%2\n").arg(price, currency).toUtf8());
        QString got;
        if (!out.rows.isEmpty()) {
            got = QStringLiteral("%1 %2")
                      .arg(out.rows.first().price.minor())
                      .arg(out.rows.first().currency().code());
        } else if (!out.errors.isEmpty()) {
            got =
                QStringLiteral("E %1: %2").arg(out.errors.first().field, out.errors.first().reason);
        }
        QCOMPARE(got, expected);
        QCOMPARE(out.accepted + out.rejected, 1);
    }

    void fieldChecks_data()
    {
        QTest::addColumn<QByteArray>("columns"); // after sku,title,price,currency
        QTest::addColumn<QByteArray>("values");  // after A,t,1,USD
        QTest::addColumn<QString>("expected");   // "ok" or "E field: reason"
        const auto row = [](const char *tag, const QByteArray &columns, const QByteArray &values,
                            const QByteArray &expected) {
            QTest::newRow(tag) << columns << values << QString::fromUtf8(expected);
        };
        const QByteArray wholeReason = "is not a whole number from 0 to 9007199254740991 "
                                       "(digits only)";
        row("weight ok", QByteArray("weight_g"), QByteArray("0"), QByteArray("ok"));
        row("leading zeros", QByteArray("stock"), QByteArray("007"), QByteArray("ok"));
        row("weight negative", QByteArray("weight_g"), QByteArray("-1"),
            "E weight_g: \"-1\" " + wholeReason);
        row("weight fraction", QByteArray("weight_g"), QByteArray("2.5"),
            "E weight_g: \"2.5\" " + wholeReason);
        row("stock exponent", QByteArray("stock"), QByteArray("1e3"),
            "E stock: \"1e3\" " + wholeReason);
        row("height 2^53", QByteArray("height_mm"), QByteArray("9007199254740992"),
            "E height_mm: \"9007199254740992\" " + wholeReason);
        row("width 2^53-1", QByteArray("width_mm"), QByteArray("9007199254740991"),
            QByteArray("ok"));
        row("url ftp", QByteArray("url"), QByteArray("ftp://shop.example/1"),
            "E url: \"ftp://shop.example/1\" is not an http(s) URL");
        row("url script", QByteArray("url"), QByteArray("javascript:alert(1)"),
            "E url: \"javascript:alert(1)\" is not an http(s) URL");
        row("url relative", QByteArray("url"), QByteArray("/p/1"),
            "E url: \"/p/1\" is not an http(s) URL");
        row("url space", QByteArray("url"), QByteArray("https://a.example/x y"),
            "E url: \"https://a.example/x y\" is not an http(s) URL");
        row("image bad", QByteArray("image_urls"), QByteArray("https://i.example/1.jpg|data:x"),
            "E image_urls: \"data:x\" is not an http(s) URL");
        row("url long", QByteArray("url"), "https://a.example/" + QByteArray(2031, 'x'),
            "E url: a URL is longer than 2048 characters");
        row("url 2048", QByteArray("url"), "https://a.example/" + QByteArray(2030, 'x'),
            QByteArray("ok"));
        row("group control", QByteArray("group"), QByteArray("\"g\n1\""),
            "E group: contains a control character (a line "
            "break or a tab)");
        row("title_zh long", QByteArray("title_zh"), utf8(QString(501, QChar(0x4e2d))),
            "E title_zh: is longer than 500 characters");
        row("option long", QByteArray("option_size"), QByteArray(201, 'x'),
            "E option_size: is longer than 200 characters");
    }

    void fieldChecks()
    {
        QFETCH(QByteArray, columns);
        QFETCH(QByteArray, values);
        QFETCH(QString, expected);
        const Outcome out =
            parseCsv("sku,title,price,currency," + columns + "\nA,t,1,USD," + values + "\n");
        QCOMPARE(out.fileError, QString());
        const QString got = out.errors.isEmpty()
                                ? QStringLiteral("ok")
                                : QStringLiteral("E %1: %2")
                                      .arg(out.errors.first().field, out.errors.first().reason);
        QCOMPARE(got, expected);
    }

    void lengthLimits()
    {
        // 128 characters of SKU and 500 of title pass; one more fails. A surrogate pair (an
        // emoji) counts as one character, so 500 of them still pass.
        const QString sku128(128, u'S');
        const QString title500(500, u'T');
        QString emoji500;
        for (int i = 0; i < 500; ++i)
            emoji500.append(QStringLiteral("\U0001F600"));
        const auto one = [](const QString &sku, const QString &title) {
            return parseCsv(kHeader + QStringLiteral("%1,\"%2\",1,USD\n").arg(sku, title).toUtf8());
        };
        QCOMPARE(one(sku128, title500).rows.size(), 1);
        QCOMPARE(one(sku128, emoji500).rows.size(), 1);
        QCOMPARE(one(sku128 + u'S', QStringLiteral("t")).errorLines(),
                 QStringList{QStringLiteral("E2 sku")});
        QCOMPARE(one(QStringLiteral("s"), title500 + u'T').errorLines(),
                 QStringList{QStringLiteral("E2 title")});
        // Empty after trimming is missing.
        QCOMPARE(one(QStringLiteral("  "), QStringLiteral("  ")).errorLines(),
                 (QStringList{QStringLiteral("E2 sku"), QStringLiteral("E2 title")}));
        // A tab inside a SKU is refused; in a title it is whitespace and collapses.
        const Outcome tab = one(QStringLiteral("\"a\tb\""), QStringLiteral("x\ty"));
        QCOMPARE(tab.errorLines(), QStringList{QStringLiteral("E2 sku")});
        const Outcome titleTab = one(QStringLiteral("ab"), QStringLiteral("x\t\ny"));
        QCOMPARE(titleTab.rows.first().title, QStringLiteral("x y"));
    }

    void badRowsDoNotStopTheFeed()
    {
        // Line 3 has three problems: three errors for one rejected row. Line 4 is short a
        // field, line 5 is all empty fields (skipped like a blank line), line 6 is fine.
        const QByteArray data = "sku,title,price,currency,stock\n"
                                "A,first,1.00,USD,1\n"
                                ",second,abc,USD,-2\n"
                                "C,third,3\n"
                                ",,,,\n"
                                "D,fourth,4,USD,\n";
        const Outcome out = parseCsv(data);
        QCOMPARE(out.fileError, QString());
        QCOMPARE(out.rows.size(), 2);
        QCOMPARE(out.rows.at(0).lineNumber, 2);
        QCOMPARE(out.rows.at(1).lineNumber, 6);
        QCOMPARE(out.errorLines(),
                 (QStringList{QStringLiteral("E3 sku"), QStringLiteral("E3 price"),
                              QStringLiteral("E3 stock"), QStringLiteral("E4")}));
        QCOMPARE(out.accepted, 2);
        QCOMPARE(out.rejected, 2);
    }

    // ---- JSON Lines

    void jsonlRows()
    {
        const QByteArray data =
            "{\"SKU\":\"J1\",\"title\":\" A  b \",\"price\":\"19.99\",\"currency\":\"USD\","
            "\"weight_g\":250,\"stock\":\"3\",\"image_urls\":\"https://i.example/1|https://i."
            "example/2\",\"group\":7,\"description\":null,\"option_size\":42,\"extra\":1}\n"
            "{\"sku\":\"J2\",\"title\":\"t\",\"price\":\"5\",\"currency\":\"EUR\","
            "\"image_urls\":[\"https://i.example/3\"],\"option_color\":\"red\","
            "\"option_size\":\"M\",\"extra\":2,\"more\":true}\r\n";
        const Outcome out = parseJsonl(data);
        QCOMPARE(out.errors.size(), 0);
        QCOMPARE(out.events,
                 (QStringList{
                     QStringLiteral("1|J1|7|A b|19.99 USD|||||https://i.example/1 "
                                    "https://i.example/2|250|-|-|-|3|||size=42"),
                     // Keys come in name order (QJsonObject sorts them): color before size.
                     QStringLiteral("2|J2||t|5.00 EUR|||||https://i.example/3|-|-|-|-|-|||"
                                    "color=red size=M"),
                 }));
        QCOMPARE(out.warnings,
                 (QStringList{QStringLiteral("key \"extra\" is not a feed field and is ignored"),
                              QStringLiteral("key \"more\" is not a feed field and is ignored")}));
    }

    void jsonlErrors()
    {
        const QByteArray data =
            "{\"sku\":\"A\",\"title\":\"t\",\"price\":\"1\",\"currency\":\"USD\"}\n" // 1
            "\n"                                                                     // 2
            "[1,2]\n"                                                                // 3
            "{\"sku\":\"B\",\"title\":\"t\",\"price\":19.99,\"currency\":\"USD\"}\n" // 4
            "{\"sku\":\"C\",\"title\":\"t\",\"price\":\"1\",\"currency\":\"USD\","   // 5
            "\"stock\":2.5,\"weight_g\":true}\n"
            "{\"sku\":9007199254740993,\"title\":\"t\",\"price\":\"1\",\"currency\":\"USD\"}\n"
            "{\"title\":\"t\",\"price\":\"1\",\"currency\":\"USD\"}\n" // 7
            "{\"sku\":\"D\",\"Sku\":\"E\",\"title\":\"t\",\"price\":\"1\",\"currency\":\"USD\"}\n"
            "{\"sku\":\"F\",\"title\":\"t\",\"price\":\"1\",\"currency\":\"USD\"," // 9
            "\"image_urls\":[\"https://i.example/1\",3]}\n"
            "{\"sku\":12345,\"title\":\"t\",\"price\":\"1\",\"currency\":\"USD\"}\n" // 10
            "{\"sku\":\"G\",\"title\":\"t\",\"price\":\"1\",\"currency\":\"USD\"";   // 11, cut
        const Outcome out = parseJsonl(data);
        QCOMPARE(out.rows.size(), 2);
        QCOMPARE(out.rows.at(0).sku, QStringLiteral("A"));
        QCOMPARE(out.rows.at(1).sku, QStringLiteral("12345")); // a whole number reads as digits
        QCOMPARE(out.rows.at(1).lineNumber, 10);
        QStringList got;
        for (const RowError &e : out.errors)
            got.append(show(e));
        const QStringList expected = {
            QStringLiteral("E3 : the line is not a JSON object"),
            QStringLiteral("E4 price: must be a JSON string such as \"19.99\", not a number"),
            QStringLiteral("E5 stock: is a JSON number that is not a whole number up to 2^53; "
                           "write it as a string"),
            QStringLiteral("E5 weight_g: must be a string or a number"),
            QStringLiteral("E6 sku: is a JSON number that is not a whole number up to 2^53; "
                           "write it as a string"),
            QStringLiteral("E7 sku: is required"),
            // "Sku" and "sku" are the same key once normalised ("Sku" sorts first).
            QStringLiteral("E8 sku: is given twice"),
            QStringLiteral("E9 image_urls: must be an array of strings"),
            // Qt's words for a line cut off at its end (byte 52 is one past the last).
            QStringLiteral("E11 : not valid JSON: unterminated string at byte 52"),
        };
        COMPARE_LINES(got, expected);
        QCOMPARE(out.rejected, 8); // lines 3-9 and 11; line 5 has two errors
    }

    void jsonlGbkAndLimits()
    {
        const QByteArray gbkLine =
            gbk(u"{\"sku\":\"\u4e2d\",\"title\":\"\u8fde\u8863\u88d9\",\"price\":\"9\","
                u"\"currency\":\"CNY\"}\n");
        const Outcome declared = parseJsonl(gbkLine, FeedEncoding::Gbk);
        QCOMPARE(declared.rows.size(), 1);
        QCOMPARE(declared.rows.first().title, QStringLiteral("\u8fde\u8863\u88d9"));
        const Outcome detected = parseJsonl(gbkLine);
        QCOMPARE(detected.encoding, FeedEncoding::Gbk);
        QCOMPARE(detected.rows.size(), 1);
        const Outcome utf8Declared = parseJsonl(gbkLine, FeedEncoding::Utf8);
        QCOMPARE(show(utf8Declared.errors.value(0)),
                 QStringLiteral("E1 : the line is not valid UTF-8 (a GBK file needs "
                                "encoding=gbk)"));
        // A line over the limit is one error; the next line reads, in any chunking.
        const QByteArray data =
            "{\"sku\":\"" + QByteArray(100, 'x') + "\"}\n" +
            "{\"sku\":\"A\",\"title\":\"t\",\"price\":\"1\",\"currency\":\"USD\"}\n";
        for (const QList<qsizetype> &cuts : {QList<qsizetype>{}, everyByte(data)}) {
            const Outcome out = parse(data, FeedFormat::Jsonl, FeedEncoding::Auto, cuts, 80);
            QCOMPARE(out.errorLines(), QStringList{QStringLiteral("E1")});
            QCOMPARE(out.rows.size(), 1);
            QCOMPARE(out.rows.first().lineNumber, 2);
        }
    }

    // ---- The partner documentation

    void docsExamplesParse()
    {
        // The CSV and JSON Lines examples in docs/feeds.md are what partners copy.
        QFile file(QStringLiteral(HAITAO_FEEDS_DOC));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        const QString doc = QString::fromUtf8(file.readAll());
        const auto block = [&](QStringView fence) {
            const qsizetype start = doc.indexOf(fence);
            const qsizetype end = doc.indexOf(QStringLiteral("\n```"), start + fence.size());
            if (start < 0 || end < 0)
                return QByteArray();
            return doc.mid(start + fence.size(), end - start - fence.size() + 1).toUtf8();
        };
        const Outcome csv = parseCsv(block(u"```csv\n"));
        QCOMPARE(csv.fileError, QString());
        COMPARE_LINES(csv.events,
                      (QStringList{
                          QStringLiteral("2|TS-100-S-BLK|TS-100|Organic cotton T-shirt, crew "
                                         "neck|24.90 EUR|||||https://img.shop.example/ts100/"
                                         "black.jpg https://img.shop.example/ts100/back.jpg|180|"
                                         "-|-|-|12|||size=S color=Black"),
                          QStringLiteral("3|TS-100-M-BLK|TS-100|Organic cotton T-shirt, crew "
                                         "neck|24.90 EUR|||||https://img.shop.example/ts100/"
                                         "black.jpg https://img.shop.example/ts100/back.jpg|190|"
                                         "-|-|-|0|||size=M color=Black"),
                          QStringLiteral("4|KN-7||Chef's knife 21 cm \"Gyuto\"|12800 JPY|||||"
                                         "https://img.shop.example/kn7.jpg|240|-|-|-|3|||"),
                      }));
        QCOMPARE(csv.warnings, QStringList());
        const Outcome jsonl = parseJsonl(block(u"```json\n"));
        COMPARE_LINES(jsonl.events,
                      (QStringList{
                          QStringLiteral("1|TS-100-S-BLK|TS-100|Organic cotton T-shirt, crew "
                                         "neck|24.90 EUR|||||https://img.shop.example/ts100/"
                                         "black.jpg|180|-|-|-|12|||color=Black size=S"),
                          QStringLiteral("2|KN-7||Chef's knife 21 cm \"Gyuto\"|12800 JPY||||||-|"
                                         "-|-|-|3|\u4e3b\u53a8\u5200 21 \u5398\u7c73||"),
                      }));
        QCOMPARE(jsonl.warnings, QStringList());
    }

    // ---- Volume

    void generatedFeed()
    {
        const int rows = 10000;
        const QByteArray csv = generatedCsv(rows);
        // In 64 KiB chunks, as the import streams a request body, and in odd-sized ones.
        for (qsizetype chunk : {qsizetype(65536), qsizetype(4093)}) {
            QList<qsizetype> cuts;
            for (qsizetype c = chunk; c < csv.size(); c += chunk)
                cuts.append(c);
            const Outcome out = parse(csv, FeedFormat::Csv, FeedEncoding::Auto, cuts);
            QCOMPARE(out.fileError, QString());
            QCOMPARE(out.errors.size(), 0);
            QCOMPARE(out.rows.size(), rows);
            QCOMPARE(out.accepted, rows);
            QCOMPARE(out.encoding, FeedEncoding::Utf8);
            // Each record spans two lines (the description holds a line break): record i
            // starts on line 2 + 2i.
            const FeedRow &last = out.rows.last();
            QCOMPARE(last.lineNumber, 2 + 2 * (rows - 1));
            QCOMPARE(last.sku, QStringLiteral("SKU-9999"));
            QCOMPARE(last.group, QStringLiteral("P-2499"));
            QCOMPARE(last.title, QStringLiteral("Cotton shirt 2499, \u886c\u886b 9999"));
            // 9999 % 90 = 9 -> 19; 9999 % 100 = 99 -> "19.99" USD = 1999 cents.
            QCOMPARE(last.price.minor(), 1999);
            QCOMPARE(last.description, QStringLiteral("Soft cotton.\nMachine wash \"cold\"."));
            QCOMPARE(last.weightG, 150 + 9999 % 50);
            QCOMPARE(last.options, (QList<QPair<QString, QString>>{
                                       {QStringLiteral("size"), QStringLiteral("XL")},
                                       {QStringLiteral("color"), QStringLiteral("\u7ea2\u8272")}}));
        }

        // The same feed with three rows broken at known lines: the count is exact.
        QByteArray broken = csv;
        // Record 100 (line 202) loses its SKU. Record 5000 (line 10002) gets '""' before its
        // title: an empty quoted field followed by 'C'. The four SKUs of group P-2499,
        // records 9996-9999 (lines 19994-20000), get an ftp image URL.
        broken.replace("SKU-100,", ",");
        broken.replace("SKU-5000,P-1250,\"", "SKU-5000,P-1250,\"\"");
        broken.replace("Acme,https://img.example/2499/1.jpg", "Acme,ftp://img.example/2499/1.jpg");
        const Outcome out = parseCsv(broken);
        QCOMPARE(out.rows.size(), rows - 6);
        COMPARE_LINES(
            out.errorLines(),
            (QStringList{QStringLiteral("E202 sku"), QStringLiteral("E10002"),
                         // line 10003, the second line of record 5000, is read anew
                         // and has a quote inside an unquoted field
                         QStringLiteral("E10003"), QStringLiteral("E19994 image_urls"),
                         QStringLiteral("E19996 image_urls"), QStringLiteral("E19998 image_urls"),
                         QStringLiteral("E20000 image_urls")}));

        const Outcome jsonl = parseJsonl(generatedJsonl(rows));
        QCOMPARE(jsonl.rows.size(), rows);
        QCOMPARE(jsonl.errors.size(), 0);
        QCOMPARE(jsonl.rows.last().lineNumber, rows);
    }

    void throughput()
    {
        const int rows = 100000;
        for (const auto &[name, format, data] :
             {std::tuple{"CSV", FeedFormat::Csv, generatedCsv(rows)},
              std::tuple{"JSONL", FeedFormat::Jsonl, generatedJsonl(rows)}}) {
            FeedParser parser(format);
            qint64 count = 0;
            const auto onRow = [&](FeedRow &&) { ++count; };
            const auto onError = [](const RowError &e) { qWarning() << show(e); };
            QElapsedTimer timer;
            timer.start();
            for (qsizetype from = 0; from < data.size(); from += 65536)
                parser.feed(QByteArrayView(data).sliced(from).first(
                                std::min<qsizetype>(65536, data.size() - from)),
                            onRow, onError);
            parser.finish(onRow, onError);
            const qint64 ns = std::max<qint64>(1, timer.nsecsElapsed());
            QCOMPARE(count, rows);
            qInfo("%s: %d rows, %.1f MB in %lld ms: %lld rows/s", name, rows,
                  double(data.size()) / 1e6, ns / 1000000, qint64(rows) * 1000000000 / ns);
        }
    }
};

QTEST_GUILESS_MAIN(TstFeed)
#include "tst_feed.moc"
