// The streaming JSON writer (backend/http/jsonwriter.h): the exact bytes it writes (escapes,
// UTF-8, commas, nesting) and that each output parses with QJsonDocument to the value meant.
#include "backend/http/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using haitao::server::JsonWriter;

namespace {

// QJsonDocument reads only an object or an array at the top, so scalars travel in [ ].
QJsonValue parsedSingle(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().first();
}

QJsonDocument parsed(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("does not parse: %s: %s", json.constData(), qPrintable(error.errorString()));
    return doc;
}

QByteArray oneString(QStringView text)
{
    JsonWriter w;
    w.beginArray();
    w.string(text);
    w.endArray();
    return w.take();
}

QByteArray oneLatin1(QLatin1StringView text)
{
    JsonWriter w;
    w.beginArray();
    w.string(text);
    w.endArray();
    return w.take();
}

QByteArray oneInteger(qint64 value)
{
    JsonWriter w;
    w.beginArray();
    w.integer(value);
    w.endArray();
    return w.take();
}

} // namespace

class TstJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    // Every control character U+0000..U+001F as \u00XX (lower-case hex), between two letters
    // so that a dropped or doubled byte shows.
    void controlCharacters()
    {
        for (char16_t c = 0; c < 0x20; ++c) {
            const QString text = QStringLiteral("a") + QChar(c) + QStringLiteral("b");
            const QByteArray hex = QByteArray::number(uint(c), 16).rightJustified(2, '0');
            const QByteArray expected = "[\"a\\u00" + hex + "b\"]";
            QCOMPARE(oneString(text), expected);
            QCOMPARE(oneLatin1(QLatin1StringView(text.toLatin1())), expected);
            QCOMPARE(parsedSingle(expected), QJsonValue(text));
        }
    }

    // '"' and '\' take a backslash; '/', DEL (0x7f) and the other printable ASCII stay as they
    // are.
    void quotesAndBackslash()
    {
        const QString text = QStringLiteral("say \"hi\" \\ a/b \x7f~");
        const QByteArray expected = "[\"say \\\"hi\\\" \\\\ a/b \x7f~\"]";
        QCOMPARE(oneString(text), expected);
        QCOMPARE(oneLatin1(QLatin1StringView("say \"hi\" \\ a/b \x7f~")), expected);
        QCOMPARE(parsedSingle(expected), QJsonValue(text));
        QCOMPARE(oneString(QString()), QByteArray("[\"\"]"));
        QCOMPARE(oneLatin1(QLatin1StringView()), QByteArray("[\"\"]"));
    }

    // UTF-8 at each length boundary: U+007F (1 byte), U+0080 and U+07FF (2), U+0800 and U+FFFF
    // (3), U+10000 and U+10FFFF (4, from a surrogate pair). Bytes from the Unicode tables.
    void utf8Boundaries_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("utf8");
        QTest::newRow("U+007F") << QString(QChar(0x7f)) << QByteArray("\x7f");
        QTest::newRow("U+0080") << QString(QChar(0x80)) << QByteArray("\xc2\x80");
        QTest::newRow("U+00E9") << QString(QChar(0xe9)) << QByteArray("\xc3\xa9");
        QTest::newRow("U+07FF") << QString(QChar(0x7ff)) << QByteArray("\xdf\xbf");
        QTest::newRow("U+0800") << QString(QChar(0x800)) << QByteArray("\xe0\xa0\x80");
        QTest::newRow("U+FFFF") << QString(QChar(0xffff)) << QByteArray("\xef\xbf\xbf");
        QTest::newRow("U+10000") << QString::fromUcs4(U"\U00010000")
                                 << QByteArray("\xf0\x90\x80\x80");
        QTest::newRow("U+10FFFF") << QString::fromUcs4(U"\U0010FFFF")
                                  << QByteArray("\xf4\x8f\xbf\xbf");
    }

    void utf8Boundaries()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, utf8);
        const QByteArray expected = "[\"" + utf8 + "\"]";
        QCOMPARE(oneString(text), expected);
        QCOMPARE(text.toUtf8(), utf8); // the table agrees with Qt's own encoder
        QCOMPARE(parsedSingle(expected), QJsonValue(text));
    }

    // Chinese (3 bytes each) and emoji (surrogate pairs, 4 bytes each) mixed with ASCII and
    // escapes. 海 U+6D77 = e6 b5 b7, 淘 U+6DD8 = e6 b7 98; 😀 U+1F600 = D83D DE00 = f0 9f 98
    // 80; 🇨🇳 is two regional indicators U+1F1E8 U+1F1F3 = f0 9f 87 a8, f0 9f 87 b3.
    void chineseAndEmoji()
    {
        const QString text = QString::fromUtf8("海淘 \"ok\" 😀\n🇨🇳");
        QCOMPARE(text.size(), 15); // UTF-16 units: 2 Chinese, 6 ASCII, 2 + 4 surrogates, \n
        const QByteArray expected = "[\"\xe6\xb5\xb7\xe6\xb7\x98 \\\"ok\\\" \xf0\x9f\x98\x80\\u000a"
                                    "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3\"]";
        QCOMPARE(oneString(text), expected);
        QCOMPARE(parsedSingle(expected), QJsonValue(text));

        // As a key too.
        JsonWriter w;
        w.beginObject();
        w.key(QStringView(text));
        w.string(u"价格");
        w.endObject();
        QCOMPARE(parsed(w.bytes()).object(), QJsonObject({{text, QString::fromUtf8("价格")}}));
    }

    // A lone surrogate has no UTF-8 form: it is escaped as \uXXXX (what QJsonDocument writes),
    // so the output stays valid UTF-8 and reads back as the same UTF-16; a proper pair next to
    // it is still encoded.
    void loneSurrogates()
    {
        const char16_t high[] = {u'a', 0xd83d, u'-'};
        const char16_t low[] = {u'a', 0xde00};
        const char16_t reversed[] = {0xde00, 0xd83d};
        const char16_t pairThenLone[] = {0xd83d, 0xde00, 0xd83d};
        const QByteArray expected[] = {
            "[\"a\\ud83d-\"]",
            "[\"a\\ude00\"]",
            "[\"\\ude00\\ud83d\"]",
            "[\"\xf0\x9f\x98\x80\\ud83d\"]",
        };
        const QStringView texts[] = {QStringView(high, 3), QStringView(low, 2),
                                     QStringView(reversed, 2), QStringView(pairThenLone, 3)};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(oneString(texts[i]), expected[i]);
            QCOMPARE(QString::fromUtf8(expected[i]).toUtf8(), expected[i]); // valid UTF-8
            QCOMPARE(parsedSingle(expected[i]), QJsonValue(texts[i].toString()));
            QCOMPARE(parsedSingle(expected[i]).toString().size(), texts[i].size());
        }
    }

    // Latin-1 text above 0x7f is two UTF-8 bytes: é (0xe9) = c3 a9, ÿ (0xff) = c3 bf.
    void latin1()
    {
        const QByteArray expected = "[\"caf\xc3\xa9 \xc3\xbf\"]";
        QCOMPARE(oneLatin1(QLatin1StringView("caf\xe9 \xff")), expected);
        QCOMPARE(parsedSingle(expected), QJsonValue(QString::fromLatin1("caf\xe9 \xff")));
    }

    void integers_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("zero") << qint64(0) << QByteArray("0");
        QTest::newRow("minus one") << qint64(-1) << QByteArray("-1");
        QTest::newRow("2^53") << (qint64(1) << 53) << QByteArray("9007199254740992");
        QTest::newRow("-2^53-1") << -(qint64(1) << 53) - 1 << QByteArray("-9007199254740993");
        QTest::newRow("max") << std::numeric_limits<qint64>::max()
                             << QByteArray("9223372036854775807");
        QTest::newRow("min") << std::numeric_limits<qint64>::min()
                             << QByteArray("-9223372036854775808");
    }

    // Every qint64 exactly, and Qt reads each back as that same integer (beyond 2^53 too: its
    // parser keeps integers that fit in 64 bits).
    void integers()
    {
        QFETCH(qint64, value);
        QFETCH(QByteArray, text);
        const QByteArray json = oneInteger(value);
        QCOMPARE(json, "[" + text + "]");
        const QJsonValue v = parsedSingle(json);
        QVERIFY(v.isDouble());
        QCOMPARE(v.toInteger(), value);
        QCOMPARE(v, QJsonValue(value));
    }

    void scalars()
    {
        JsonWriter w;
        w.beginArray();
        w.boolean(true);
        w.boolean(false);
        w.null();
        w.integer(7);
        w.string(u"x");
        w.endArray();
        QCOMPARE(w.bytes(), QByteArray("[true,false,null,7,\"x\"]"));
        QCOMPARE(parsed(w.bytes()).array(),
                 QJsonArray({true, false, QJsonValue(QJsonValue::Null), 7, QStringLiteral("x")}));
    }

    void emptyContainers()
    {
        JsonWriter object;
        object.beginObject();
        object.endObject();
        QCOMPARE(object.bytes(), QByteArray("{}"));
        QCOMPARE(parsed(object.bytes()).object(), QJsonObject());

        JsonWriter array;
        array.beginArray();
        array.endArray();
        QCOMPARE(array.bytes(), QByteArray("[]"));
        QVERIFY(parsed(array.bytes()).isArray());
        QCOMPARE(parsed(array.bytes()).array(), QJsonArray());

        JsonWriter w;
        w.beginObject();
        w.key(u"o");
        w.beginObject();
        w.endObject();
        w.key(u"a");
        w.beginArray();
        w.beginArray();
        w.endArray();
        w.beginObject();
        w.endObject();
        w.endArray();
        w.key(u"n");
        w.integer(1);
        w.endObject();
        QCOMPARE(w.bytes(), QByteArray(R"({"o":{},"a":[[],{}],"n":1})"));
        QCOMPARE(parsed(w.bytes()).object(),
                 QJsonObject({{QStringLiteral("o"), QJsonObject()},
                              {QStringLiteral("a"), QJsonArray({QJsonArray(), QJsonObject()})},
                              {QStringLiteral("n"), 1}}));
    }

    // Objects in arrays in objects, several members at each level: commas between siblings
    // only, never after a key or an opening bracket, also after a closed container.
    void nesting()
    {
        JsonWriter w;
        w.beginObject();
        w.key(u"id");
        w.integer(1);
        w.key(QLatin1StringView("items"));
        w.beginArray();
        for (int i = 0; i < 3; ++i) {
            w.beginObject();
            w.key(u"i");
            w.integer(i);
            w.key(u"tags");
            w.beginArray();
            for (int j = 0; j < i; ++j)
                w.string(QString::number(j));
            w.endArray();
            w.key(u"ok");
            w.boolean(i % 2 == 0);
            w.endObject();
        }
        w.endArray();
        w.key(u"deep");
        w.beginArray();
        w.beginArray();
        w.beginArray();
        w.integer(-5);
        w.endArray();
        w.integer(6);
        w.endArray();
        w.endArray();
        w.key(u"last");
        w.null();
        w.endObject();
        QVERIFY(w.isComplete());
        const QByteArray expected = R"({"id":1,"items":[{"i":0,"tags":[],"ok":true},)"
                                    R"({"i":1,"tags":["0"],"ok":false},)"
                                    R"({"i":2,"tags":["0","1"],"ok":true}],)"
                                    R"("deep":[[[-5],6]],"last":null})";
        QCOMPARE(w.bytes(), expected);

        const QJsonObject want{
            {QStringLiteral("id"), 1},
            {QStringLiteral("items"),
             QJsonArray({QJsonObject({{QStringLiteral("i"), 0},
                                      {QStringLiteral("tags"), QJsonArray()},
                                      {QStringLiteral("ok"), true}}),
                         QJsonObject({{QStringLiteral("i"), 1},
                                      {QStringLiteral("tags"), QJsonArray({QStringLiteral("0")})},
                                      {QStringLiteral("ok"), false}}),
                         QJsonObject({{QStringLiteral("i"), 2},
                                      {QStringLiteral("tags"),
                                       QJsonArray({QStringLiteral("0"), QStringLiteral("1")})},
                                      {QStringLiteral("ok"), true}})})},
            {QStringLiteral("deep"), QJsonArray({QJsonArray({QJsonArray({-5}), 6})})},
            {QStringLiteral("last"), QJsonValue(QJsonValue::Null)},
        };
        QCOMPARE(parsed(w.bytes()).object(), want);
    }

    // Keys are escaped like strings.
    void escapedKeys()
    {
        JsonWriter w;
        w.beginObject();
        w.key(u"a\"b");
        w.integer(1);
        w.key(QLatin1StringView("c\\d\te"));
        w.integer(2);
        w.endObject();
        // {"a\"b":1,"c\\d\u0009e":2}, not as a raw string: moc misreads \" inside one.
        QCOMPARE(w.bytes(), QByteArray("{\"a\\\"b\":1,\"c\\\\d\\u0009e\":2}"));
        QCOMPARE(parsed(w.bytes()).object(),
                 QJsonObject({{QStringLiteral("a\"b"), 1}, {QStringLiteral("c\\d\te"), 2}}));
    }

    // take() hands the bytes over and starts a fresh document.
    void takeResets()
    {
        JsonWriter w;
        QVERIFY(!w.isComplete());
        w.beginArray();
        w.integer(1);
        QVERIFY(!w.isComplete());
        w.endArray();
        QVERIFY(w.isComplete());
        QCOMPARE(w.take(), QByteArray("[1]"));
        QVERIFY(w.bytes().isEmpty());
        w.beginArray();
        w.integer(2);
        w.endArray();
        QCOMPARE(w.take(), QByteArray("[2]")); // no comma left over from the first document
    }

    // Writing past the reservation grows the buffer without losing bytes.
    void longStrings()
    {
        QString text;
        for (int i = 0; i < 5000; ++i)
            text += QString::fromUtf8(i % 3 == 0 ? "海" : i % 3 == 1 ? "\x01" : "😀");
        JsonWriter w(4);
        w.beginArray();
        w.string(text);
        w.string(text);
        w.endArray();
        QCOMPARE(parsed(w.bytes()).array(), QJsonArray({text, text}));

        // Many small values regrow it step by step.
        JsonWriter many(1);
        QJsonArray want;
        many.beginArray();
        for (qint64 i = 0; i < 20000; ++i) {
            many.integer(i * 1000003);
            want.append(i * 1000003);
        }
        many.endArray();
        QCOMPARE(parsed(many.take()).array(), want);
    }
};

QTEST_GUILESS_MAIN(TstJsonWriter)
#include "tst_jsonwriter.moc"
