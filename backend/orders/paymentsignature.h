#pragma once

#include <QByteArray>

namespace haitao::server::orders {

// The gateway signs each notification: header `X-Signature: sha256=<lowercase hex
// HMAC-SHA-256(secret, raw body)>`. Checked over the bytes as received (never a re-serialized
// parse), in constant time.
bool verifyPaymentSignature(const QByteArray &secret, const QByteArray &rawBody,
                            const QByteArray &header);
// The header value for `rawBody` (tests and tools sign with it).
QByteArray paymentSignature(const QByteArray &secret, const QByteArray &rawBody);

} // namespace haitao::server::orders
