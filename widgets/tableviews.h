#pragma once

class QTableView;

namespace haitao::widgets {

// The look shared by our server-backed tables: whole-row selection, single-line cells, and
// columns fitted to the first page after each reload (fitting on every page would make the
// columns jump while the user scrolls). Call after QTableView::setModel().
void setUpTableView(QTableView *view);

} // namespace haitao::widgets
