#pragma once

#include "backend/config.h"

#include <QByteArray>
#include <QString>

namespace haitao::server {

// libsodium behind three small functions: argon2id password hashes, random bearer tokens,
// and the hash under which a token is stored (the token itself never is).
bool cryptoInit();
QString hashPassword(const QString &password, HashProfile profile);
bool verifyPassword(const QString &hash, const QString &password);
bool passwordNeedsRehash(const QString &hash, HashProfile profile);
QString newToken();                      // 256 random bits, URL-safe base64
QString tokenHash(const QString &token); // BLAKE2b-256, hex
QString randomPassword();                // for the generated first admin password

} // namespace haitao::server
