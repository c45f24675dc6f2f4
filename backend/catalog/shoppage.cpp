#include "backend/catalog/shoppage.h"

#include "backend/integrations/addressguard.h"

#include <QCryptographicHash>

namespace haitao::server::catalog {

FetchOptions shopPageFetchOptions(const Config &config)
{
    FetchOptions options;
    options.totalTimeoutMs = 10000;
    options.extraHeaders = {"Accept: text/html,application/xhtml+xml"};
    QString policyError;
    options.addressPolicy = AddressPolicy::fromAllowList(config.fetchAllowHosts, &policyError)
                                .value_or(AddressPolicy());
    return options;
}

QUrl productUrlOf(const PageProduct &product, const QUrl &pageUrl)
{
    return product.url.isValid() && !product.url.isEmpty() ? product.url : pageUrl;
}

QString variantSku(const PageProduct &product, const QUrl &pageUrl, qsizetype index)
{
    const QString own = product.variants.at(index).sku.trimmed().left(128);
    if (!own.isEmpty())
        return own;
    const QByteArray hash =
        QCryptographicHash::hash(
            productUrlOf(product, pageUrl).toString(QUrl::FullyEncoded).toUtf8(),
            QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    QString sku = QStringLiteral("URL-") + QString::fromLatin1(hash);
    if (index > 0)
        sku += QLatin1Char('-') + QString::number(index + 1);
    return sku;
}

} // namespace haitao::server::catalog
