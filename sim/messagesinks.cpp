#include "sim/messagesinks.h"

#include "core/wiretime.h"

#include <QJsonArray>

namespace haitao::sim {

namespace {

QString smtpModeName(MessageSinks::SmtpMode mode)
{
    switch (mode) {
    case MessageSinks::SmtpMode::Ok:
        return QStringLiteral("ok");
    case MessageSinks::SmtpMode::Reject:
        return QStringLiteral("reject");
    case MessageSinks::SmtpMode::Down:
        return QStringLiteral("down");
    }
    return {};
}

} // namespace

bool MessageSinks::addEmail(const Email &email)
{
    std::lock_guard lock(m_mutex);
    if (!email.messageId.isEmpty()) {
        if (m_messageIds.contains(email.messageId)) {
            ++m_emailDuplicates;
            return false;
        }
        m_messageIds.insert(email.messageId);
    }
    m_emails.append(email);
    return true;
}

std::pair<QString, bool> MessageSinks::addSms(const Sms &sms)
{
    std::lock_guard lock(m_mutex);
    if (const auto it = m_smsIds.constFind(sms.clientMessageId); it != m_smsIds.constEnd()) {
        ++m_smsDuplicates;
        return {*it, false};
    }
    const QString id = QStringLiteral("sms_%1").arg(m_nextSms++);
    m_smsIds.insert(sms.clientMessageId, id);
    m_sms.append({id, sms});
    return {id, true};
}

MessageSinks::SmtpMode MessageSinks::smtpMode() const
{
    std::lock_guard lock(m_mutex);
    return m_smtpMode;
}

MessageSinks::SmsMode MessageSinks::smsMode() const
{
    std::lock_guard lock(m_mutex);
    return m_smsMode;
}

bool MessageSinks::setModes(const QJsonObject &json, QString *error)
{
    std::optional<SmtpMode> smtp;
    std::optional<SmsMode> sms;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString value = it.value().toString();
        if (it.key() == u"smtp") {
            for (SmtpMode m : {SmtpMode::Ok, SmtpMode::Reject, SmtpMode::Down}) {
                if (smtpModeName(m) == value)
                    smtp = m;
            }
            if (!smtp) {
                *error = QStringLiteral("smtp is ok, reject or down");
                return false;
            }
        } else if (it.key() == u"sms" && (value == u"ok" || value == u"fail")) {
            sms = value == u"ok" ? SmsMode::Ok : SmsMode::Fail;
        } else {
            *error = QStringLiteral("send {\"smtp\": \"ok|reject|down\", \"sms\": \"ok|fail\"}");
            return false;
        }
    }
    std::lock_guard lock(m_mutex);
    if (smtp)
        m_smtpMode = *smtp;
    if (sms)
        m_smsMode = *sms;
    return true;
}

QJsonObject MessageSinks::modesJson() const
{
    std::lock_guard lock(m_mutex);
    return {{QStringLiteral("smtp"), smtpModeName(m_smtpMode)},
            {QStringLiteral("sms"),
             m_smsMode == SmsMode::Ok ? QStringLiteral("ok") : QStringLiteral("fail")}};
}

QJsonObject MessageSinks::toJson() const
{
    std::lock_guard lock(m_mutex);
    QJsonArray emails;
    for (const Email &e : m_emails)
        emails.append(QJsonObject{{QStringLiteral("messageId"), e.messageId},
                                  {QStringLiteral("from"), e.from},
                                  {QStringLiteral("to"), e.to},
                                  {QStringLiteral("subject"), e.subject},
                                  {QStringLiteral("body"), e.body},
                                  {QStringLiteral("receivedAt"), toWireTime(e.receivedAtMs)}});
    QJsonArray sms;
    for (const auto &[id, s] : m_sms)
        sms.append(QJsonObject{{QStringLiteral("id"), id},
                               {QStringLiteral("clientMessageId"), s.clientMessageId},
                               {QStringLiteral("to"), s.to},
                               {QStringLiteral("text"), s.text},
                               {QStringLiteral("receivedAt"), toWireTime(s.receivedAtMs)}});
    return {{QStringLiteral("email"), emails},
            {QStringLiteral("sms"), sms},
            {QStringLiteral("duplicates"), QJsonObject{{QStringLiteral("email"), m_emailDuplicates},
                                                       {QStringLiteral("sms"), m_smsDuplicates}}}};
}

void MessageSinks::clear()
{
    std::lock_guard lock(m_mutex);
    m_emails.clear();
    m_sms.clear();
    m_messageIds.clear();
    m_smsIds.clear();
    m_emailDuplicates = 0;
    m_smsDuplicates = 0;
}

} // namespace haitao::sim
