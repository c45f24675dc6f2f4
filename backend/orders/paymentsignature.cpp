#include "backend/orders/paymentsignature.h"

#include <sodium.h>

#include <array>

namespace haitao::server::orders {

namespace {

using Mac = std::array<unsigned char, crypto_auth_hmacsha256_BYTES>;

// HMAC keys shorter than SHA-256's block are zero-padded by definition, so a secret of up to
// 32 bytes padded to libsodium's fixed key size gives the same MAC; longer ones go through
// the streaming API, which takes any key length.
bool fitsFixedKey(const QByteArray &secret)
{
    return secret.size() <= qsizetype(crypto_auth_hmacsha256_KEYBYTES);
}

std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> paddedKey(const QByteArray &secret)
{
    std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> key{};
    std::copy(secret.begin(), secret.end(), key.begin());
    return key;
}

Mac mac(const QByteArray &secret, const QByteArray &body)
{
    Mac out{};
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(secret.constData()),
                                size_t(secret.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(body.constData()),
                                  quint64(body.size()));
    crypto_auth_hmacsha256_final(&state, out.data());
    sodium_memzero(&state, sizeof state);
    return out;
}

} // namespace

bool verifyPaymentSignature(const QByteArray &secret, const QByteArray &rawBody,
                            const QByteArray &header)
{
    static const QByteArray prefix = QByteArrayLiteral("sha256=");
    if (secret.isEmpty() || !header.startsWith(prefix))
        return false;
    const QByteArray hex = header.mid(prefix.size()).trimmed();
    Mac given{};
    size_t length = 0;
    if (hex.size() != qsizetype(2 * given.size()) ||
        sodium_hex2bin(given.data(), given.size(), hex.constData(), size_t(hex.size()), nullptr,
                       &length, nullptr) != 0 ||
        length != given.size())
        return false;
    if (fitsFixedKey(secret)) {
        const auto key = paddedKey(secret);
        return crypto_auth_hmacsha256_verify(
                   given.data(), reinterpret_cast<const unsigned char *>(rawBody.constData()),
                   quint64(rawBody.size()), key.data()) == 0;
    }
    const Mac expected = mac(secret, rawBody);
    return crypto_verify_32(given.data(), expected.data()) == 0;
}

QByteArray paymentSignature(const QByteArray &secret, const QByteArray &rawBody)
{
    const Mac m = mac(secret, rawBody);
    std::array<char, 2 * crypto_auth_hmacsha256_BYTES + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), m.data(), m.size());
    return QByteArrayLiteral("sha256=") + QByteArray(hex.data());
}

} // namespace haitao::server::orders
