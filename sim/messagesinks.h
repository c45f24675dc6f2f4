#pragma once

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <mutex>

namespace haitao::sim {

// What the SMTP and SMS sinks received (GET /__sim/messages) and their fault switches
// (PUT /__sim/sinks). A repeated Message-ID or clientMessageId is counted as a duplicate
// and not stored twice. Thread-safe: the SMTP sink's connection threads and the HTTP
// workers write here at once.
class MessageSinks
{
public:
    enum class SmtpMode { Ok, Reject, Down }; // reject: 451 at DATA; down: closed at greeting
    enum class SmsMode { Ok, Fail };          // fail: 503

    struct Email
    {
        QString messageId; // the header's value as sent, e.g. "<n1.abc@haitao.invalid>"
        QString from;      // envelope sender
        QString to;        // envelope recipients, comma-separated
        QString subject;   // decoded
        QString body;      // decoded UTF-8 text
        qint64 receivedAtMs = 0;
    };
    struct Sms
    {
        QString clientMessageId;
        QString to;
        QString text;
        qint64 receivedAtMs = 0;
    };

    // false: a duplicate (not stored).
    bool addEmail(const Email &email);
    // The sink's id of the message, and whether it was new.
    std::pair<QString, bool> addSms(const Sms &sms);

    SmtpMode smtpMode() const;
    SmsMode smsMode() const;
    // {"smtp": "ok"|"reject"|"down", "sms": "ok"|"fail"}; keys left out are unchanged.
    bool setModes(const QJsonObject &json, QString *error);
    QJsonObject modesJson() const;

    QJsonObject toJson() const; // {"email": [...], "sms": [...], "duplicates": {...}}
    void clear();

private:
    mutable std::mutex m_mutex;
    QList<Email> m_emails;
    QList<std::pair<QString, Sms>> m_sms; // sink id, message
    QSet<QString> m_messageIds;
    QHash<QString, QString> m_smsIds; // clientMessageId -> sink id
    int m_emailDuplicates = 0;
    int m_smsDuplicates = 0;
    int m_nextSms = 1;
    SmtpMode m_smtpMode = SmtpMode::Ok;
    SmsMode m_smsMode = SmsMode::Ok;
};

} // namespace haitao::sim
