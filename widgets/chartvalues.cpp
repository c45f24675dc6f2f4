#include "widgets/chartvalues.h"

#include <QAbstractAxis>
#include <QChart>

namespace haitao::widgets {

namespace {

qreal scaledDown(qint64 value, int digits)
{
    qreal divisor = 1;
    for (int i = 0; i < digits; ++i)
        divisor *= 10;
    return qreal(value) / divisor;
}

} // namespace

qreal plotValue(const Decimal &value)
{
    return scaledDown(value.mantissa(), value.scale());
}

qreal plotValue(const Money &amount)
{
    return scaledDown(amount.minor(), amount.currency().exponent());
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

} // namespace haitao::widgets
