#include "backend/identity/crypto.h"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>

namespace haitao::server {

namespace {

struct Limits
{
    unsigned long long ops;
    size_t mem;
};

Limits limits(HashProfile profile)
{
    switch (profile) {
    case HashProfile::Interactive:
        return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
    case HashProfile::Moderate:
        return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
    case HashProfile::Fast:
        break;
    }
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

QString randomUrlSafe(size_t bytes)
{
    QByteArray raw(qsizetype(bytes), Qt::Uninitialized);
    randombytes_buf(raw.data(), bytes);
    QByteArray out(
        qsizetype(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)),
        Qt::Uninitialized);
    sodium_bin2base64(out.data(), size_t(out.size()),
                      reinterpret_cast<const unsigned char *>(raw.constData()), bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return QString::fromLatin1(out.constData()); // stops at the terminating NUL
}

} // namespace

bool cryptoInit()
{
    return sodium_init() >= 0;
}

// argon2id takes 64 MiB per hash at the interactive profile: at most four run at once, so a
// burst of sign-ups or sign-ins cannot take the server's memory.
std::counting_semaphore<4> g_hashSlots(4);

struct HashSlot
{
    HashSlot() { g_hashSlots.acquire(); }
    ~HashSlot() { g_hashSlots.release(); }
};

QString hashPassword(const QString &password, HashProfile profile)
{
    const HashSlot slot;
    const QByteArray pw = password.toUtf8();
    const Limits l = limits(profile);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pw.constData(), size_t(pw.size()), l.ops, l.mem) != 0)
        throw std::runtime_error("argon2id hashing ran out of memory");
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString &hash, const QString &password)
{
    const HashSlot slot;
    const QByteArray h = hash.toLatin1();
    const QByteArray pw = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), pw.constData(), size_t(pw.size())) == 0;
}

bool passwordNeedsRehash(const QString &hash, HashProfile profile)
{
    const QByteArray h = hash.toLatin1();
    const Limits l = limits(profile);
    return crypto_pwhash_str_needs_rehash(h.constData(), l.ops, l.mem) != 0;
}

QString newToken()
{
    return randomUrlSafe(32);
}

QString tokenHash(const QString &token)
{
    const QByteArray t = token.toUtf8();
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest,
                       reinterpret_cast<const unsigned char *>(t.constData()), size_t(t.size()),
                       nullptr, 0);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return QString::fromLatin1(hex);
}

QString randomPassword()
{
    return randomUrlSafe(15); // 20 characters
}

} // namespace haitao::server
