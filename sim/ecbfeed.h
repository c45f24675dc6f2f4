#pragma once

#include <QByteArray>
#include <QDate>

namespace haitao::sim {

// The simulated ECB daily reference rates (GET /fx/eurofxref-daily.xml).

// The working day whose rates are out at `nowMs`: the ECB publishes around 16:00 Frankfurt
// time on weekdays, so before then, and at weekends, the file shows an earlier day.
QDate ecbPublishedDate(qint64 nowMs);

// The file for `date`, shaped like the real one: 30 currencies per euro. The rates move by
// up to +-0.5% from day to day, the same for the same date on every run.
QByteArray ecbDailyXml(QDate date);

} // namespace haitao::sim
