<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>haitao::app::AppController</name>
    <message>
        <source>The environment variable %1 holds no password.</source>
        <translation>环境变量 %1 中没有密码。</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to continue.</source>
        <translation>您的会话已结束。请重新登录以继续。</translation>
    </message>
</context>
<context>
    <name>haitao::app::CommandLine</name>
    <message>
        <source>Haitao Ops desktop for staff.</source>
        <translation>海淘运营桌面端（员工专用）。</translation>
    </message>
    <message>
        <source>Server address, e.g. %1.</source>
        <translation>服务器地址，例如 %1。</translation>
    </message>
    <message>
        <source>User name to sign in with.</source>
        <translation>用于登录的用户名。</translation>
    </message>
    <message>
        <source>Sign in at once with the password held by this environment variable.</source>
        <translation>使用此环境变量中的密码立即登录。</translation>
    </message>
    <message>
        <source>Page to open after signing in: welcome, admin, pricing, products, glossary, orders, manualQueue, placementDashboard, logistics, warehouseReceiving or logisticsDashboard (default: the last one used).</source>
        <translation>登录后打开的页面：welcome、admin、pricing、products、glossary、orders、manualQueue、placementDashboard、logistics、warehouseReceiving 或 logisticsDashboard（默认：上次使用的页面）。</translation>
    </message>
</context>
<context>
    <name>haitao::models::AlertsModel</name>
    <message>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>运单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>haitao::models::AuditModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>haitao::models::CheckpointsModel</name>
    <message>
        <source>no tracking number yet</source>
        <translation>尚无运单号</translation>
    </message>
    <message>
        <source>No mapping for the carrier&apos;s status %1 yet: map it in the Mappings tab.</source>
        <translation>承运商状态 %1 尚无映射：请在“映射”标签页中映射。</translation>
    </message>
    <message>
        <source>Time (local to the carrier)</source>
        <translation>时间（承运商当地）</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Carrier code</source>
        <translation>承运商代码</translation>
    </message>
    <message>
        <source>Carrier text</source>
        <translation>承运商文字</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>haitao::models::ChecksModel</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>haitao::models::FxRatesModel</name>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Rate (CNY)</source>
        <translation>汇率（人民币）</translation>
    </message>
    <message>
        <source>Markup %</source>
        <translation>加价 %</translation>
    </message>
    <message>
        <source>Effective rate</source>
        <translation>生效汇率</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>汇率日期</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>haitao::models::GlossaryModel</name>
    <message>
        <source>Forbidden</source>
        <translation>禁用词</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
</context>
<context>
    <name>haitao::models::LogisticsLabels</name>
    <message>
        <source>Awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <source>Info received</source>
        <translation>已揽收信息</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>At warehouse</source>
        <translation>已到仓库</translation>
    </message>
    <message>
        <source>Customs</source>
        <translation>清关中</translation>
    </message>
    <message>
        <source>Customs hold</source>
        <translation>海关扣留</translation>
    </message>
    <message>
        <source>Out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Unknown (not mapped)</source>
        <translation>未知（未映射）</translation>
    </message>
    <message>
        <source>Shop to warehouse</source>
        <translation>商店至仓库</translation>
    </message>
    <message>
        <source>International</source>
        <translation>国际运输</translation>
    </message>
    <message>
        <source>Domestic delivery</source>
        <translation>国内派送</translation>
    </message>
    <message>
        <source>Polled</source>
        <translation>轮询</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook 推送</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>人工录入</translation>
    </message>
    <message>
        <source>Warehouse scan</source>
        <translation>仓库扫描</translation>
    </message>
    <message>
        <source>Gone quiet</source>
        <translation>长时间无更新</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Cleared customs</source>
        <translation>已清关</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>haitao::models::LogisticsStats</name>
    <message>
        <source>%1+ d</source>
        <translation>%1 天以上</translation>
    </message>
    <message>
        <source>%1–%2 d</source>
        <translation>%1–%2 天</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 · %2: %L3 delivered</source>
        <translation>%1 · %2：已签收 %L3 件</translation>
    </message>
    <message>
        <source>, p50 %1</source>
        <translation>，p50 %1</translation>
    </message>
    <message>
        <source>, p90 %1</source>
        <translation>，p90 %1</translation>
    </message>
</context>
<context>
    <name>haitao::models::MappingsModel</name>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Carrier code</source>
        <translation>承运商代码</translation>
    </message>
    <message>
        <source>Normalized status</source>
        <translation>标准状态</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
</context>
<context>
    <name>haitao::models::NotificationsModel</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
</context>
<context>
    <name>haitao::models::OrderEventsModel</name>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Sub-order</source>
        <translation>子订单</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>haitao::models::OrderLabels</name>
    <message>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Awaiting placement</source>
        <translation>待下单</translation>
    </message>
    <message>
        <source>Placing</source>
        <translation>下单中</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>已下单</translation>
    </message>
    <message>
        <source>Needs manual placement</source>
        <translation>需人工下单</translation>
    </message>
    <message>
        <source>Placed manually</source>
        <translation>已人工下单</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Look up earlier orders</source>
        <translation>查询已有订单</translation>
    </message>
    <message>
        <source>Check price and stock</source>
        <translation>核对价格与库存</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>创建订单</translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation>确认订单</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>No clear answer</source>
        <translation>结果不明</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>将重试</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>haitao::models::OrderLinesModel</name>
    <message>
        <source>Sub-order</source>
        <translation>子订单</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Total (CNY)</source>
        <translation>小计（人民币）</translation>
    </message>
</context>
<context>
    <name>haitao::models::OrdersModel</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sub-orders</source>
        <translation>子订单</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>haitao::models::PlacementAttemptsModel</name>
    <message>
        <source>Worker: %1</source>
        <translation>执行者：%1</translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation>第 %1 次尝试</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Attempt / step</source>
        <translation>尝试 / 步骤</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Shop&apos;s answer</source>
        <translation>商店的答复</translation>
    </message>
</context>
<context>
    <name>haitao::models::PlacementQueueModel</name>
    <message>
        <source>Sub-order</source>
        <translation>子订单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>haitao::models::ProductsModel</name>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Price from</source>
        <translation>起价</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>译者</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>haitao::models::QuoteBreakdownModel</name>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Import tax</source>
        <translation>进口税</translation>
    </message>
    <message>
        <source>Shipping to the warehouse</source>
        <translation>寄往转运仓运费</translation>
    </message>
    <message>
        <source>Forwarder fee</source>
        <translation>转运费</translation>
    </message>
    <message>
        <source>International shipping</source>
        <translation>国际运费</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Line %1: %2 × %3</source>
        <translation>第 %1 行：%2 × %3</translation>
    </message>
    <message>
        <source>Site %1, via %2</source>
        <translation>站点 %1，经 %2</translation>
    </message>
    <message>
        <source>Fees and discounts</source>
        <translation>费用与优惠</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>chargeable weight %1 g</source>
        <translation>计费重量 %1 克</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>人民币</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Published (CNY)</source>
        <translation>已发布（人民币）</translation>
    </message>
    <message>
        <source>Draft (CNY)</source>
        <translation>草稿（人民币）</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
</context>
<context>
    <name>haitao::models::ReceivingReadyModel</name>
    <message numerus="yes">
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n 个运单</numerusform>
        </translation>
    </message>
    <message>
        <source>Shipment %1</source>
        <translation>运单 %1</translation>
    </message>
    <message>
        <source>Customer / shipment</source>
        <translation>顾客 / 运单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>haitao::models::RecentReceiptsModel</name>
    <message>
        <source>Received</source>
        <translation>收货时间</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>Priced on</source>
        <translation>计价重量</translation>
    </message>
    <message>
        <source>Fee adjustment</source>
        <translation>费用调整</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
</context>
<context>
    <name>haitao::models::RuleSetSettings</name>
    <message>
        <source>Choose half up or half even.</source>
        <translation>请选择“四舍五入”或“四舍六入五成双”。</translation>
    </message>
    <message>
        <source>Enter the warehouse for sites not listed below, e.g. US.</source>
        <translation>请填写下方未列出的站点所用的转运仓，例如 US。</translation>
    </message>
    <message>
        <source>Use a two-letter country code, e.g. US.</source>
        <translation>请使用两位大写国家代码，例如 US。</translation>
    </message>
</context>
<context>
    <name>haitao::models::RuleSetVersionsModel</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Published by</source>
        <translation>发布人</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>haitao::models::RuleTableModel</name>
    <message>
        <source>Rule ID</source>
        <translation>规则 ID</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>始发地</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>From weight (g)</source>
        <translation>起始重量（克）</translation>
    </message>
    <message>
        <source>Below weight (g)</source>
        <translation>重量上限（克，不含）</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效起</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效至</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Free from</source>
        <translation>满额包邮</translation>
    </message>
    <message>
        <source>Volumetric divisor</source>
        <translation>体积重系数</translation>
    </message>
    <message>
        <source>First weight (g)</source>
        <translation>首重（克）</translation>
    </message>
    <message>
        <source>First weight fee</source>
        <translation>首重费用</translation>
    </message>
    <message>
        <source>Step (g)</source>
        <translation>续重单位（克）</translation>
    </message>
    <message>
        <source>Fee per step</source>
        <translation>续重费用</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>优惠码</translation>
    </message>
    <message>
        <source>Fixed discount</source>
        <translation>固定减免</translation>
    </message>
    <message>
        <source>Minimum spend</source>
        <translation>最低消费</translation>
    </message>
    <message>
        <source>Spend at least</source>
        <translation>消费满</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>减免</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Exclusive</source>
        <translation>独占</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Add the currency, e.g. &quot;5.99 USD&quot;.</source>
        <translation>请注明货币，例如“5.99 USD”。</translation>
    </message>
    <message>
        <source>Write an amount and a currency, e.g. &quot;5.99 USD&quot;.</source>
        <translation>请填写金额和货币，例如“5.99 USD”。</translation>
    </message>
    <message>
        <source>%1 is not a known currency.</source>
        <translation>%1 不是已知的货币。</translation>
    </message>
    <message>
        <source>Not an amount: %1</source>
        <translation>不是有效金额：%1</translation>
    </message>
    <message>
        <source>Not a decimal number (write e.g. 9.1).</source>
        <translation>不是有效的小数（例如 9.1）。</translation>
    </message>
    <message>
        <source>Not a whole number.</source>
        <translation>不是整数。</translation>
    </message>
    <message>
        <source>Not a time (write e.g. 2026-12-01T00:00:00Z).</source>
        <translation>不是有效时间（例如 2026-12-01T00:00:00Z）。</translation>
    </message>
    <message>
        <source>This cell cannot be edited.</source>
        <translation>此单元格不可编辑。</translation>
    </message>
    <message>
        <source>Give the rule an ID.</source>
        <translation>请为规则填写 ID。</translation>
    </message>
    <message>
        <source>Use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>请使用 1 至 64 个字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <source>Another rule already has this ID.</source>
        <translation>已有其他规则使用此 ID。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Must not be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>Must be in CNY.</source>
        <translation>必须以人民币计。</translation>
    </message>
    <message>
        <source>Must be between 0 and 100.</source>
        <translation>必须在 0 到 100 之间。</translation>
    </message>
    <message>
        <source>Must be more than 0.</source>
        <translation>必须大于 0。</translation>
    </message>
    <message>
        <source>Must be more than the lower weight.</source>
        <translation>必须大于起始重量。</translation>
    </message>
    <message>
        <source>Must be after the start.</source>
        <translation>必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Must not be below the minimum.</source>
        <translation>不能低于最低值。</translation>
    </message>
    <message>
        <source>Give a fixed amount or a percentage, not both.</source>
        <translation>请填写固定金额或百分比，不能同时填写。</translation>
    </message>
    <message>
        <source>Give a fixed amount or a percentage.</source>
        <translation>请填写固定金额或百分比。</translation>
    </message>
    <message>
        <source>A maximum caps a percentage only.</source>
        <translation>上限仅适用于百分比优惠。</translation>
    </message>
    <message>
        <source>The weight band overlaps rule %1 of the same scope.</source>
        <translation>重量区间与同一范围的规则 %1 重叠。</translation>
    </message>
    <message>
        <source>Rule %1 has the same scope and validity.</source>
        <translation>规则 %1 的适用范围和有效期与此相同。</translation>
    </message>
    <message>
        <source>%1 amounts have no decimals.</source>
        <translation>%1 金额没有小数。</translation>
    </message>
    <message>
        <source>%1 amounts have at most %2 decimals.</source>
        <translation>%1 金额最多保留 %2 位小数。</translation>
    </message>
</context>
<context>
    <name>haitao::models::ShipmentsModel</name>
    <message>
        <source>Shipment</source>
        <translation>运单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Last checkpoint</source>
        <translation>最近节点</translation>
    </message>
    <message>
        <source>Quiet for</source>
        <translation>无更新时长</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>未解决提醒</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>haitao::models::SitesTableModel</name>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Warehouse (origin)</source>
        <translation>转运仓（始发地）</translation>
    </message>
    <message>
        <source>Enter the site, e.g. amazon.co.jp.</source>
        <translation>请填写站点，例如 amazon.co.jp。</translation>
    </message>
    <message>
        <source>This site is already listed in row %1.</source>
        <translation>此站点已在第 %1 行列出。</translation>
    </message>
    <message>
        <source>Enter the warehouse&apos;s country, e.g. JP.</source>
        <translation>请填写转运仓所在国家，例如 JP。</translation>
    </message>
    <message>
        <source>Use a two-letter country code, e.g. JP.</source>
        <translation>请使用两位大写国家代码，例如 JP。</translation>
    </message>
</context>
<context>
    <name>haitao::models::SuggestionsModel</name>
    <message>
        <source>MT</source>
        <translation>机翻</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Machine translation (%1)</source>
        <translation>机器翻译（%1）</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议译文</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
</context>
<context>
    <name>haitao::models::TranslationChecks</name>
    <message>
        <source>%1 characters, more than the limit of %2</source>
        <translation>%1 个字符，超出 %2 个字符的上限</translation>
    </message>
    <message>
        <source>The title is empty</source>
        <translation>标题为空</translation>
    </message>
    <message>
        <source>The description is not translated</source>
        <translation>描述未翻译</translation>
    </message>
    <message>
        <source>Not translated</source>
        <translation>未翻译</translation>
    </message>
    <message>
        <source>The text is the source text, untranslated</source>
        <translation>译文与原文相同，未翻译</translation>
    </message>
    <message>
        <source>Copied from the source, untranslated: &quot;%1&quot;</source>
        <translation>照搬原文，未翻译：“%1”</translation>
    </message>
    <message>
        <source>%1 in the source, %2 in the target</source>
        <translation>原文为 %1，译文为 %2</translation>
    </message>
    <message>
        <source>Units differ: %1</source>
        <translation>单位不一致：%1</translation>
    </message>
    <message>
        <source>Numbers differ: the source has %1, the target has %2</source>
        <translation>数字不一致：原文为 %1，译文为 %2</translation>
    </message>
    <message>
        <source>Numbers missing from the target: %1</source>
        <translation>译文缺少数字：%1</translation>
    </message>
    <message>
        <source>Numbers not in the source: %1</source>
        <translation>原文中没有的数字：%1</translation>
    </message>
    <message>
        <source>Glossary: &quot;%1&quot; should be translated as &quot;%2&quot;</source>
        <translation>术语表：“%1”应译为“%2”</translation>
    </message>
    <message>
        <source>Forbidden word: &quot;%1&quot;</source>
        <translation>禁用词：“%1”</translation>
    </message>
</context>
<context>
    <name>haitao::models::UnmappedStatusesModel</name>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Carrier code</source>
        <translation>承运商代码</translation>
    </message>
    <message>
        <source>Sample text</source>
        <translation>示例文字</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近出现</translation>
    </message>
</context>
<context>
    <name>haitao::models::UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::AddCheckpointDialog</name>
    <message>
        <source>Add a checkpoint to shipment %1</source>
        <translation>为运单 %1 添加物流节点</translation>
    </message>
    <message>
        <source>Choose a status</source>
        <translation>选择状态</translation>
    </message>
    <message>
        <source>Why by hand: e.g. the carrier has no API, phoned the depot</source>
        <translation>为何人工录入：例如承运商没有 API、已致电网点</translation>
    </message>
    <message>
        <source>The carrier&apos;s words, as they said them</source>
        <translation>承运商的原话</translation>
    </message>
    <message>
        <source>&amp;Leg</source>
        <translation>路段(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>时间(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>Carrier te&amp;xt</source>
        <translation>承运商文字(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Add checkpoint</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>Choose the normalized status.</source>
        <translation>请选择标准状态。</translation>
    </message>
    <message>
        <source>Say why this checkpoint is entered by hand.</source>
        <translation>请说明为何人工录入此节点。</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>正在添加…</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>请更正标出的字段。</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::AdminPage</name>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::AlertQueuePanel</name>
    <message>
        <source>The alerts could not be loaded: %1</source>
        <translation>无法加载提醒：%1</translation>
    </message>
    <message>
        <source>Alert %1 acknowledged.</source>
        <translation>提醒 %1 已确认。</translation>
    </message>
    <message>
        <source>Alert %1 resolved.</source>
        <translation>提醒 %1 已解决。</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>解决(&amp;S)…</translation>
    </message>
    <message>
        <source>Show &amp;shipment</source>
        <translation>查看运单(&amp;S)</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::AssignDialog</name>
    <message>
        <source>Assign to translator</source>
        <translation>分配给译者</translation>
    </message>
    <message numerus="yes">
        <source>Assign %n listing(s) to:</source>
        <translation>
            <numerusform>将 %n 个商品分配给：</numerusform>
        </translation>
    </message>
    <message>
        <source>translator&apos;s user name; empty to unassign</source>
        <translation>译者的用户名；留空则取消分配</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Type the translator&apos;s user name.</source>
        <translation>请输入译者的用户名。</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::AuditPanel</name>
    <message>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
    </message>
    <message>
        <source>A&amp;ctor:</source>
        <translation>操作者(&amp;C)：</translation>
    </message>
    <message>
        <source>e.g. user.created</source>
        <translation>例如 user.created</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::BulkActionsBar</name>
    <message>
        <source>Select at most %1 listings for one action.</source>
        <translation>一次操作最多选择 %1 个商品。</translation>
    </message>
    <message numerus="yes">
        <source>%1: working on %n listing(s)…</source>
        <translation>
            <numerusform>%1：正在处理 %n 个商品…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n listing(s) done</source>
        <translation>
            <numerusform>%1：已完成 %n 个商品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed (listed below).</source>
        <translation>
            <numerusform>，%n 个失败（见下方列表）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected row(s) were still loading and were left out.</source>
        <translation>
            <numerusform>%n 个所选行仍在加载，已略过。</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 %2: %3</source>
        <translation>#%1 %2：%3</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>取消分配</translation>
    </message>
    <message>
        <source>Assign to %1</source>
        <translation>分配给 %1</translation>
    </message>
    <message>
        <source>Send to translation</source>
        <translation>送交翻译</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>Send to &amp;translation</source>
        <translation>送交翻译(&amp;T)</translation>
    </message>
    <message>
        <source>Submit for re&amp;view</source>
        <translation>提交审核(&amp;V)</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>审核通过(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Unpublish</source>
        <translation>下架(&amp;U)</translation>
    </message>
    <message>
        <source>Assi&amp;gn…</source>
        <translation>分配(&amp;G)…</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ChecksDialog</name>
    <message>
        <source>Checks before review</source>
        <translation>提交审核前检查</translation>
    </message>
    <message>
        <source>Fix the errors before sending the listing to review.</source>
        <translation>请先修正错误，再提交商品审核。</translation>
    </message>
    <message>
        <source>Check these warnings. Send the listing to review anyway?</source>
        <translation>请检查这些警告。仍要提交商品审核吗？</translation>
    </message>
    <message>
        <source>Submit anyway</source>
        <translation>仍然提交</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::CreateUserDialog</name>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>A user name cannot contain spaces.</source>
        <translation>用户名不能包含空格。</translation>
    </message>
    <message>
        <source>Enter the name people will see.</source>
        <translation>请输入他人可见的名称。</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>This user name is already taken.</source>
        <translation>该用户名已被占用。</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>请更正标出的字段。</translation>
    </message>
    <message>
        <source>New staff account</source>
        <translation>新建员工账户</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::DraftBar</name>
    <message>
        <source>Saved as revision %1.</source>
        <translation>已保存为修订 %1。</translation>
    </message>
    <message>
        <source>Published as version %1.</source>
        <translation>已发布为版本 %1。</translation>
    </message>
    <message>
        <source>Published as version %1, in force from %2.</source>
        <translation>已发布为版本 %1，自 %2 起生效。</translation>
    </message>
    <message>
        <source>Someone else changed the draft since you loaded it, so it was not changed. Reload the draft to see their version (your unsaved changes will be lost).</source>
        <translation>在您加载草稿之后，其他人修改了草稿，因此本次未作更改。请重新加载草稿查看对方的版本（您未保存的更改将会丢失）。</translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n value(s); they are marked in red.</source>
        <translation>
            <numerusform>服务器拒绝了 %n 个值，已用红色标出。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) need attention before saving; point at a red cell to see why.</source>
        <translation>
            <numerusform>保存前有 %n 个单元格需要处理；将鼠标指向红色单元格可查看原因。</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>Discard draft revision %1 and every change in it? This cannot be undone.</source>
        <translation>放弃草稿修订 %1 及其中的所有更改？此操作无法撤销。</translation>
    </message>
    <message>
        <source>The changes below are those saved; save to include yours.</source>
        <translation>下面列出的是已保存的更改；保存后才会包含您的修改。</translation>
    </message>
    <message>
        <source>Save your changes first: publishing takes the saved draft.</source>
        <translation>请先保存更改：发布使用的是已保存的草稿。</translation>
    </message>
    <message>
        <source>Loading the draft…</source>
        <translation>正在加载草稿…</translation>
    </message>
    <message>
        <source>No draft. Create one from the version in force to change prices.</source>
        <translation>没有草稿。请基于当前生效版本创建草稿以修改价格。</translation>
    </message>
    <message>
        <source>Draft revision %1, based on version %2, saved by %3 at %4.</source>
        <translation>草稿修订 %1，基于版本 %2，由 %3 于 %4 保存。</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>有未保存的更改。</translation>
    </message>
    <message>
        <source>Create draft</source>
        <translation>创建草稿</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <source>Changes…</source>
        <translation>查看更改…</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Reload draft</source>
        <translation>重新加载草稿</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::DraftDiffDialog</name>
    <message>
        <source>Draft changes</source>
        <translation>草稿更改</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Rule or setting</source>
        <translation>规则或设置</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>更改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>更改后</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The saved draft is the same as version %1.</source>
        <translation>已保存的草稿与版本 %1 相同。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) in the saved draft against version %1.</source>
        <translation>
            <numerusform>已保存的草稿相对版本 %1 有 %n 处更改。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ErrorText</name>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>请在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>您的会话已结束。请重新登录。</translation>
    </message>
    <message>
        <source>You are not allowed to do this (%1).</source>
        <translation>您无权执行此操作（%1）。</translation>
    </message>
    <message>
        <source>Too many requests.</source>
        <translation>请求过于频繁。</translation>
    </message>
    <message>
        <source>The server could not do this: %1</source>
        <translation>服务器无法完成此操作：%1</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n minute(s).</source>
        <translation>
            <numerusform>请在 %n 分钟后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server sent an unexpected answer (HTTP %1).</source>
        <translation>服务器返回了无法识别的应答（HTTP %1）。</translation>
    </message>
    <message>
        <source>Someone else changed this since you opened it: %1</source>
        <translation>在您打开之后，其他人已修改了此内容：%1</translation>
    </message>
    <message>
        <source>Prices cannot be computed now: %1</source>
        <translation>暂时无法计算价格：%1</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::FxRateDelegate</name>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Stale: not used for quotes</source>
        <translation>已过期：不用于报价</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>有效</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::FxRatesPanel</name>
    <message>
        <source>%1 is now %2 CNY (markup %3 %, effective %4).</source>
        <translation>%1 现为 %2 人民币（加价 %3%，生效汇率 %4）。</translation>
    </message>
    <message>
        <source>Fetching the ECB reference rates…</source>
        <translation>正在获取欧洲央行参考汇率…</translation>
    </message>
    <message>
        <source>The rates could not be fetched: %1</source>
        <translation>无法获取汇率：%1</translation>
    </message>
    <message numerus="yes">
        <source>Fetched %n rate(s) as of %1 from %2 (snapshot %3).</source>
        <translation>
            <numerusform>已从 %2 获取 %1 的 %n 个汇率（快照 %3）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snapshot %1 · rates older than %n hour(s) are stale</source>
        <translation>
            <numerusform>快照 %1 · 超过 %n 小时的汇率视为过期</numerusform>
        </translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Enter rate…</source>
        <translation>录入汇率…</translation>
    </message>
    <message>
        <source>Fetch now</source>
        <translation>立即获取</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>Effective rate, last %n day(s)</source>
        <translation>
            <numerusform>生效汇率，最近 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>人民币</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::GlossaryHighlighter</name>
    <message>
        <source>Glossary: &quot;%1&quot; must not appear in the translation</source>
        <translation>术语表：译文中不得出现“%1”</translation>
    </message>
    <message>
        <source>Glossary: &quot;%1&quot; is translated as &quot;%2&quot;</source>
        <translation>术语表：“%1”译为“%2”</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::GlossaryPage</name>
    <message>
        <source>Someone else changed this entry meanwhile. The row now shows their version: check it and edit again.</source>
        <translation>其他人在此期间修改了此条目。该行现显示对方的版本：请检查后重新编辑。</translation>
    </message>
    <message>
        <source>Someone else deleted this entry meanwhile.</source>
        <translation>其他人在此期间删除了此条目。</translation>
    </message>
    <message>
        <source>Not saved: %1 The cell in red says why.</source>
        <translation>未保存：%1 红色单元格中注明了原因。</translation>
    </message>
    <message>
        <source>Added &quot;%1&quot;.</source>
        <translation>已添加“%1”。</translation>
    </message>
    <message>
        <source>This term is already in the glossary: %1</source>
        <translation>该术语已在术语表中：%1</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>未添加：%1</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>English → Chinese</source>
        <translation>英语 → 中文</translation>
    </message>
    <message>
        <source>German → Chinese</source>
        <translation>德语 → 中文</translation>
    </message>
    <message>
        <source>Japanese → Chinese</source>
        <translation>日语 → 中文</translation>
    </message>
    <message>
        <source>Language pair</source>
        <translation>语言对</translation>
    </message>
    <message>
        <source>Search terms and translations</source>
        <translation>搜索术语和译文</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New term</source>
        <translation>新术语</translation>
    </message>
    <message>
        <source>Its translation</source>
        <translation>其译文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Type the term first.</source>
        <translation>请先输入术语。</translation>
    </message>
    <message>
        <source>Delete glossary entries</source>
        <translation>删除术语表条目</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n entry(s) from the glossary? Translators will no longer see them.</source>
        <translation>
            <numerusform>要从术语表中删除 %n 个条目吗？译者将不再看到这些条目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import glossary CSV</source>
        <translation>导入术语表 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export glossary CSV</source>
        <translation>导出术语表 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large for a glossary (over %2 MiB).</source>
        <translation>%1 过大，无法作为术语表导入（超过 %2 MiB）。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 unchanged, %4 rejected.</source>
        <translation>已导入：新增 %1 条，更新 %2 条，未变 %3 条，拒绝 %4 条。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more rejected line(s).</source>
        <translation>
            <numerusform>…另有 %n 行被拒绝。</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported the glossary to %1.</source>
        <translation>已将术语表导出到 %1。</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::HistoryPanel</name>
    <message>
        <source>Rule set version %1</source>
        <translation>规则集版本 %1</translation>
    </message>
    <message>
        <source>Published versions (double-click to see the rules)</source>
        <translation>已发布版本（双击查看规则）</translation>
    </message>
    <message>
        <source>Pricing audit trail</source>
        <translation>定价审计记录</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ImportDialog</name>
    <message>
        <source>Choose a feed file</source>
        <translation>选择数据文件</translation>
    </message>
    <message>
        <source>Feeds (*.csv *.jsonl *.ndjson *.txt)</source>
        <translation>数据文件 (*.csv *.jsonl *.ndjson *.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>无法读取该文件：%1</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>正在上传 %1…</translation>
    </message>
    <message>
        <source>The import did not start: %1</source>
        <translation>导入未能开始：%1</translation>
    </message>
    <message>
        <source>Reading the product page…</source>
        <translation>正在读取商品页面…</translation>
    </message>
    <message>
        <source>The page could not be imported: %1</source>
        <translation>无法导入该页面：%1</translation>
    </message>
    <message numerus="yes">
        <source>Imported #%1 %2 (%n SKU(s)).</source>
        <translation>
            <numerusform>已导入 #%1 %2（%n 个 SKU）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling once the upload is in…</source>
        <translation>上传完成后将取消…</translation>
    </message>
    <message>
        <source>The import could not be cancelled: %1</source>
        <translation>无法取消导入：%1</translation>
    </message>
    <message>
        <source>The import&apos;s progress is unknown: %1</source>
        <translation>导入进度未知：%1</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 rejected</source>
        <translation>新增 %1，更新 %2，未变 %3，拒绝 %4</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>Waiting for the import to start…</source>
        <translation>正在等待导入开始…</translation>
    </message>
    <message>
        <source>Importing: %1.</source>
        <translation>正在导入：%1。</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>已完成：%1。</translation>
    </message>
    <message>
        <source>The import failed: %1 (%2).</source>
        <translation>导入失败：%1（%2）。</translation>
    </message>
    <message>
        <source>The import was cancelled: %1.</source>
        <translation>导入已取消：%1。</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>Feed file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>Product page URL</source>
        <translation>商品页面 URL</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>站点(&amp;S)：</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>GBK</source>
        <translation>GBK</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>取消导入(&amp;C)</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::LogisticsDashboard</name>
    <message>
        <source>Logistics dashboard</source>
        <translation>物流看板</translation>
    </message>
    <message>
        <source>The logistics figures could not be loaded: %1</source>
        <translation>无法加载物流数据：%1</translation>
    </message>
    <message>
        <source>days from order to delivery</source>
        <translation>从下单到签收的天数</translation>
    </message>
    <message>
        <source>parcels</source>
        <translation>包裹数</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>未解决提醒</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>No parcel was delivered in the last %n day(s).</source>
        <translation>
            <numerusform>最近 %n 天内没有签收的包裹。</numerusform>
        </translation>
    </message>
    <message>
        <source>No parcels are tracked yet.</source>
        <translation>尚未跟踪任何包裹。</translation>
    </message>
    <message numerus="yes">
        <source>No alerts were open in the last %n day(s).</source>
        <translation>
            <numerusform>最近 %n 天内没有未解决的提醒。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>最近 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Lead time from order to delivery per site and carrier</source>
        <translation>各站点、各承运商从下单到签收的时长</translation>
    </message>
    <message>
        <source>Parcels per status</source>
        <translation>各状态的包裹数</translation>
    </message>
    <message>
        <source>Alerts open per day</source>
        <translation>每日未解决提醒</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::LogisticsPage</name>
    <message>
        <source>The shipments could not be loaded: %1</source>
        <translation>无法加载运单：%1</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>The carriers could not be loaded: %1</source>
        <translation>无法加载承运商：%1</translation>
    </message>
    <message>
        <source>Counts unavailable: %1</source>
        <translation>无法获取计数：%1</translation>
    </message>
    <message>
        <source>Loading counts…</source>
        <translation>正在加载计数…</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Open: %L1</source>
        <translation>未完成：%L1</translation>
    </message>
    <message>
        <source>Alerts (%L1)</source>
        <translation>提醒（%L1）</translation>
    </message>
    <message>
        <source>Mappings (%L1 unmapped)</source>
        <translation>映射（%L1 个未映射）</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>运单</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All carriers</source>
        <translation>全部承运商</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Tracking number, order or customer</source>
        <translation>运单号、订单或顾客</translation>
    </message>
    <message>
        <source>Quiet &gt; </source>
        <translation>无更新超过 </translation>
    </message>
    <message>
        <source> d</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Any activity</source>
        <translation>任何活动</translation>
    </message>
    <message>
        <source>Only with open &amp;alerts</source>
        <translation>仅显示有未解决提醒的(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::MainWindow</name>
    <message>
        <source>Haitao Ops</source>
        <translation>海淘运营</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>服务器不可达</translation>
    </message>
    <message>
        <source>This language could not be loaded.</source>
        <translation>无法加载该语言。</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ManualPlacementDialog</name>
    <message>
        <source>Placed by hand: sub-order %1</source>
        <translation>人工下单：子订单 %1</translation>
    </message>
    <message>
        <source>Order the goods of sub-order %1 on %2 (expected about %3), then enter the shop&apos;s order number and what you paid.</source>
        <translation>请在 %2 上为子订单 %1 的商品下单（预计约 %3），然后填写商店的订单号和实付金额。</translation>
    </message>
    <message>
        <source>e.g. US-000123</source>
        <translation>例如 US-000123</translation>
    </message>
    <message>
        <source>Shop&apos;s order number:</source>
        <translation>商店订单号：</translation>
    </message>
    <message>
        <source>Amount paid:</source>
        <translation>实付金额：</translation>
    </message>
    <message>
        <source>Enter the shop&apos;s order number.</source>
        <translation>请填写商店的订单号。</translation>
    </message>
    <message>
        <source>Enter the amount paid.</source>
        <translation>请填写实付金额。</translation>
    </message>
    <message numerus="yes">
        <source>The amount must be a plain number with at most %n decimal(s), e.g. %1.</source>
        <translation>
            <numerusform>金额必须是最多 %n 位小数的数字，例如 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The amount paid must be more than zero.</source>
        <translation>实付金额必须大于零。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ManualQueueCancelDialog</name>
    <message>
        <source>Cancel sub-order %1</source>
        <translation>取消子订单 %1</translation>
    </message>
    <message>
        <source>Sub-order %1 on %2 is cancelled and %3 is refunded to the customer. Why?</source>
        <translation>%2 上的子订单 %1 将被取消，%3 将退还给顾客。原因是？</translation>
    </message>
    <message>
        <source>Cancel and refund</source>
        <translation>取消并退款</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Enter why the sub-order is cancelled.</source>
        <translation>请填写取消该子订单的原因。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ManualQueuePage</name>
    <message>
        <source>Someone else got there first: %1</source>
        <translation>已被他人抢先处理：%1</translation>
    </message>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation>无法加载队列：%1</translation>
    </message>
    <message>
        <source>Manual queue</source>
        <translation>人工下单队列</translation>
    </message>
    <message>
        <source>Counts unavailable: %1</source>
        <translation>无法获取计数：%1</translation>
    </message>
    <message>
        <source>Loading counts…</source>
        <translation>正在加载计数…</translation>
    </message>
    <message>
        <source>Needs manual: %L1 · Awaiting placement: %L2 · Placing: %L3 · Placed: %L4 · Placed manually: %L5 · Cancelled: %L6</source>
        <translation>需人工：%L1 · 待下单：%L2 · 下单中：%L3 · 已下单：%L4 · 已人工下单：%L5 · 已取消：%L6</translation>
    </message>
    <message>
        <source> · oldest waiting %1</source>
        <translation> · 最久已等待 %1</translation>
    </message>
    <message>
        <source>Stuck: %L1</source>
        <translation>卡住：%L1</translation>
    </message>
    <message>
        <source>You hold sub-order %1 now.</source>
        <translation>子订单 %1 现在由你处理。</translation>
    </message>
    <message>
        <source>Sub-order %1 released.</source>
        <translation>已释放子订单 %1。</translation>
    </message>
    <message>
        <source>Sub-order %1 goes back to automatic placement.</source>
        <translation>子订单 %1 已退回自动下单。</translation>
    </message>
    <message>
        <source>The product page could not be opened: %1</source>
        <translation>无法打开商品页面：%1</translation>
    </message>
    <message>
        <source>Sub-order %1 placed by hand as %2.</source>
        <translation>子订单 %1 已人工下单，订单号 %2。</translation>
    </message>
    <message>
        <source>Sub-order %1 cancelled; its share is refunded.</source>
        <translation>子订单 %1 已取消，其金额已退款。</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation>认领(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Release</source>
        <translation>释放(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;source page</source>
        <translation>打开来源页面(&amp;S)</translation>
    </message>
    <message>
        <source>Placed by &amp;hand…</source>
        <translation>人工下单(&amp;H)…</translation>
    </message>
    <message>
        <source>Retry &amp;automatic</source>
        <translation>重试自动下单(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel with re&amp;fund…</source>
        <translation>取消并退款(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ManualRateDialog</name>
    <message>
        <source>Enter the rate: CNY for one unit.</source>
        <translation>请输入汇率：每一单位外币兑换的人民币。</translation>
    </message>
    <message>
        <source>Write a decimal number such as 7.1234.</source>
        <translation>请输入小数，例如 7.1234。</translation>
    </message>
    <message>
        <source>The rate must be more than 0.</source>
        <translation>汇率必须大于 0。</translation>
    </message>
    <message>
        <source>Write a percentage such as 1.5 (0 for none).</source>
        <translation>请输入百分比，例如 1.5（无加价填 0）。</translation>
    </message>
    <message>
        <source>The markup must be between 0 and 100.</source>
        <translation>加价必须在 0 到 100 之间。</translation>
    </message>
    <message>
        <source>The end must be in the future.</source>
        <translation>截止时间必须晚于现在。</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>请更正标出的字段。</translation>
    </message>
    <message>
        <source>Enter an exchange rate</source>
        <translation>录入汇率</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>货币(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Rate (CNY per unit):</source>
        <translation>汇率（每单位人民币）(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Markup %:</source>
        <translation>加价 %(&amp;M)：</translation>
    </message>
    <message>
        <source>e.g. 7.1234</source>
        <translation>例如 7.1234</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>有效期至(&amp;U)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Save rate</source>
        <translation>保存汇率</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::MappingEditor</name>
    <message>
        <source>The unmapped statuses could not be loaded: %1</source>
        <translation>无法加载未映射状态：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n carrier status(es) without a mapping</source>
        <translation>
            <numerusform>%n 个承运商状态尚无映射</numerusform>
        </translation>
    </message>
    <message>
        <source>The mappings could not be loaded: %1</source>
        <translation>无法加载映射：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The mapping of %1 %2 was not saved: %3</source>
        <translation>%1 %2 的映射未保存：%3</translation>
    </message>
    <message>
        <source>%1 %2 now reads as %3; its checkpoints are re-read.</source>
        <translation>%1 %2 现在读作 %3；其物流节点正在重新读取。</translation>
    </message>
    <message>
        <source>Every carrier</source>
        <translation>全部承运商</translation>
    </message>
    <message>
        <source>Carrier statuses without a mapping</source>
        <translation>尚无映射的承运商状态</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>映射(&amp;M)</translation>
    </message>
    <message>
        <source>Sa&amp;ve mapping</source>
        <translation>保存映射(&amp;V)</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::MergeDialog</name>
    <message>
        <source>Merge changes</source>
        <translation>合并更改</translation>
    </message>
    <message>
        <source>Someone else changed this listing since you opened it. For each field choose the text to keep, or edit it.</source>
        <translation>在您打开之后，其他人修改了此商品。请为每个字段选择要保留的文本，或直接编辑。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;字段&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Original&lt;/b&gt;</source>
        <translation>&lt;b&gt;原始版本&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Theirs&lt;/b&gt;</source>
        <translation>&lt;b&gt;对方的版本&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Yours&lt;/b&gt;</source>
        <translation>&lt;b&gt;您的版本&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Result&lt;/b&gt;</source>
        <translation>&lt;b&gt;结果&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Both changed this field</source>
        <translation>双方都修改了此字段</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原始版本</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的版本</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>Use the result</source>
        <translation>使用合并结果</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::OrdersDetailPanel</name>
    <message>
        <source>Loading order %1…</source>
        <translation>正在加载订单 %1…</translation>
    </message>
    <message>
        <source>Order %1 could not be loaded: %2</source>
        <translation>无法加载订单 %1：%2</translation>
    </message>
    <message>
        <source>Sub-order %1 · %2 · %3</source>
        <translation>子订单 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The placement attempts of sub-order %1 could not be loaded: %2</source>
        <translation>无法加载子订单 %1 的下单尝试：%2</translation>
    </message>
    <message>
        <source>Client reference: %1</source>
        <translation>客户参考号：%1</translation>
    </message>
    <message>
        <source>Shop order: %1</source>
        <translation>商店订单：%1</translation>
    </message>
    <message>
        <source>Paid at the shop: %1</source>
        <translation>在商店实付：%1</translation>
    </message>
    <message>
        <source>Goods: %1 · share of the total: %2</source>
        <translation>商品：%1 · 占总额：%2</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Claimed by %1 since %2</source>
        <translation>由 %1 自 %2 起认领</translation>
    </message>
    <message>
        <source>No automatic placement attempt yet.</source>
        <translation>尚无自动下单尝试。</translation>
    </message>
    <message>
        <source>Select an order to see its details.</source>
        <translation>选择一个订单以查看详情。</translation>
    </message>
    <message>
        <source>Order %1 · %2 · %3</source>
        <translation>订单 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Customer: %1 (user %2)</source>
        <translation>顾客：%1（用户 %2）</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>, paid %1</source>
        <translation>，付款于 %1</translation>
    </message>
    <message>
        <source>, expires %1</source>
        <translation>，过期于 %1</translation>
    </message>
    <message>
        <source>Priced with rule set %1 at rate snapshot %2</source>
        <translation>按规则集 %1、汇率快照 %2 定价</translation>
    </message>
    <message>
        <source>Payment %1: %2, %3</source>
        <translation>付款 %1：%2，%3</translation>
    </message>
    <message>
        <source>sub-order %1</source>
        <translation>子订单 %1</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Refund %1 (%2): %3, %4 – %5</source>
        <translation>退款 %1（%2）：%3，%4 – %5</translation>
    </message>
    <message>
        <source>Ship to: %1</source>
        <translation>收货地址：%1</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>商品行</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>定价</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>下单</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::OrdersPage</name>
    <message>
        <source>The orders could not be loaded: %1</source>
        <translation>无法加载订单：%1</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Site, e.g. amazon.com</source>
        <translation>站点，例如 amazon.com</translation>
    </message>
    <message>
        <source>Customer user name</source>
        <translation>顾客用户名</translation>
    </message>
    <message>
        <source>Older than </source>
        <translation>早于 </translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::PlacementDashboard</name>
    <message>
        <source>Placement dashboard</source>
        <translation>下单看板</translation>
    </message>
    <message>
        <source>The placement figures could not be loaded: %1</source>
        <translation>无法加载下单数据：%1</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Needs manual</source>
        <translation>需人工</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>最近 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message>
        <source>Automatic success rate per site and day</source>
        <translation>各站点每日自动下单成功率</translation>
    </message>
    <message>
        <source>Failures by step and reason</source>
        <translation>按步骤和原因统计的失败</translation>
    </message>
    <message>
        <source>Time from payment to placement per site</source>
        <translation>各站点从付款到下单的耗时</translation>
    </message>
    <message>
        <source>Manual queue length at the end of each day</source>
        <translation>每日结束时的人工队列长度</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::PricingLabels</name>
    <message>
        <source>Domestic shipping</source>
        <translation>境内运费</translation>
    </message>
    <message>
        <source>Forwarder fee</source>
        <translation>转运费</translation>
    </message>
    <message>
        <source>International shipping</source>
        <translation>国际运费</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Import tax</source>
        <translation>进口税</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Spend and save</source>
        <translation>满减</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首单优惠</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::PricingPage</name>
    <message>
        <source>Pricing</source>
        <translation>定价</translation>
    </message>
    <message>
        <source>FX rates</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ProductDelegate</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ProductFilterBar</name>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Title, Chinese title or SKU</source>
        <translation>标题、中文标题或 SKU</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>站点(&amp;I)：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>品类(&amp;C)：</translation>
    </message>
    <message>
        <source>Assigned to &amp;me</source>
        <translation>分配给我的(&amp;M)</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ProductStatus</name>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>In translation</source>
        <translation>翻译中</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Unpublished</source>
        <translation>已下架</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ProductsPage</name>
    <message>
        <source>The products could not be loaded: %1</source>
        <translation>无法加载商品：%1</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>All (%L1)</source>
        <translation>全部（%L1）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 (%L2)</source>
        <translation>%1（%L2）</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::PublishDialog</name>
    <message>
        <source>Choose a time in the future, or publish at once.</source>
        <translation>请选择未来的时间，或立即发布。</translation>
    </message>
    <message>
        <source>Publish the draft</source>
        <translation>发布草稿</translation>
    </message>
    <message>
        <source>Draft revision %1 (based on version %2) becomes the next published version. A published version never changes; quotes use it from the time below.</source>
        <translation>草稿修订 %1（基于版本 %2）将成为下一个发布版本。已发布的版本不会再更改；报价自下方时间起使用该版本。</translation>
    </message>
    <message>
        <source>Takes effect &amp;at once</source>
        <translation>立即生效(&amp;A)</translation>
    </message>
    <message>
        <source>Takes effect &amp;from:</source>
        <translation>生效时间(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>why the prices change</source>
        <translation>价格调整的原因</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ReadyToDispatchPanel</name>
    <message>
        <source>The shipments ready to dispatch could not be loaded: %1</source>
        <translation>无法加载待发出的运单：%1</translation>
    </message>
    <message>
        <source>The parcel was not booked: %1</source>
        <translation>包裹未能预订：%1</translation>
    </message>
    <message>
        <source>Parcel %1 (%2) — shipments %3</source>
        <translation>包裹 %1（%2）— 运单 %3</translation>
    </message>
    <message>
        <source>Parcel booked: write %1 on the label.</source>
        <translation>包裹已预订：请在面单上写 %1。</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Dispatch parcel (%n shipment(s))</source>
        <translation>
            <numerusform>发出包裹(&amp;D)（%n 个运单）</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Dispatch parcel</source>
        <translation>发出包裹(&amp;D)</translation>
    </message>
    <message>
        <source>Ready to dispatch</source>
        <translation>待发出</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ReceivingResultPanel</name>
    <message>
        <source>Scan a parcel</source>
        <translation>请扫描包裹</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>正在查询 %1…</translation>
    </message>
    <message>
        <source>✔ MATCHED: %1 — weigh it</source>
        <translation>✔ 匹配：%1 — 请称重</translation>
    </message>
    <message>
        <source>⚠ ALREADY RECEIVED: %1</source>
        <translation>⚠ 已收货：%1</translation>
    </message>
    <message>
        <source>✖ UNKNOWN: %1 — no shipment has this tracking number</source>
        <translation>✖ 未知：%1 — 没有运单使用此运单号</translation>
    </message>
    <message>
        <source>✖ NOT DONE: %1</source>
        <translation>✖ 未完成：%1</translation>
    </message>
    <message>
        <source>✔ RECEIVED: %1 — scan the next parcel</source>
        <translation>✔ 已收货：%1 — 请扫描下一个包裹</translation>
    </message>
    <message>
        <source>Order %1 · sub-order %2 · %3 · customer %4 · priced on %5</source>
        <translation>订单 %1 · 子订单 %2 · %3 · 顾客 %4 · 计价重量 %5</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 × %2 (%3)</source>
        <translation>%1 × %2（%3）</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::RejectDialog</name>
    <message>
        <source>Reject listings</source>
        <translation>驳回商品</translation>
    </message>
    <message numerus="yes">
        <source>Why are these %n listing(s) sent back to translation?</source>
        <translation>
            <numerusform>为什么将这 %n 个商品退回翻译？</numerusform>
        </translation>
    </message>
    <message>
        <source>The translator sees this reason on top of the listing.</source>
        <translation>译者会在商品顶部看到此原因。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ResolveAlertDialog</name>
    <message>
        <source>Someone else handled this alert first: %1</source>
        <translation>已有他人先处理了此提醒：%1</translation>
    </message>
    <message>
        <source>Resolve alert %1</source>
        <translation>解决提醒 %1</translation>
    </message>
    <message>
        <source>%1 on shipment %2 (order %3): %4
What was done?</source>
        <translation>运单 %2（订单 %3）上的%1：%4
采取了什么措施？</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Write what was done about this alert.</source>
        <translation>请写下对此提醒采取的措施。</translation>
    </message>
    <message>
        <source>Resolving…</source>
        <translation>正在解决…</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ReviewPanel</name>
    <message>
        <source>Never published: all of the text is new.</source>
        <translation>从未发布：全部文本均为新内容。</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>Review: changes since the last published text</source>
        <translation>审核：自上次发布以来的更改</translation>
    </message>
    <message>
        <source>Reason for rejecting (the translator sees it):</source>
        <translation>驳回原因（译者可见）：</translation>
    </message>
    <message>
        <source>Approve and publish</source>
        <translation>审核通过并发布</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Send the listing back to translation; a reason is required</source>
        <translation>将商品退回翻译；必须填写原因</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::RoleLabel</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::RuleSetSettingsEditor</name>
    <message>
        <source>&amp;Rounding:</source>
        <translation>舍入方式(&amp;R)：</translation>
    </message>
    <message>
        <source>Half even: 0.5 rounds to the even neighbour</source>
        <translation>四舍六入五成双：0.5 舍入到相邻的偶数</translation>
    </message>
    <message>
        <source>Half up: 0.5 rounds away from zero</source>
        <translation>四舍五入：0.5 向远离零的方向进位</translation>
    </message>
    <message>
        <source>Default &amp;origin:</source>
        <translation>默认始发地(&amp;O)：</translation>
    </message>
    <message>
        <source>e.g. US</source>
        <translation>例如 US</translation>
    </message>
    <message>
        <source>Sites and the forwarder warehouse their parcels go to. Sites not listed go to the default origin.</source>
        <translation>各站点及其包裹寄往的转运仓。未列出的站点使用默认始发地。</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>添加站点</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::RulesPanel</name>
    <message numerus="yes">
        <source>%1 (%n to fix)</source>
        <translation>
            <numerusform>%1（%n 处待修正）</numerusform>
        </translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message numerus="yes">
        <source>Settings (%n to fix)</source>
        <translation>
            <numerusform>设置（%n 处待修正）</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::ShipmentDetailPanel</name>
    <message>
        <source>Loading shipment %1…</source>
        <translation>正在加载运单 %1…</translation>
    </message>
    <message>
        <source>Shipment %1 could not be loaded: %2</source>
        <translation>无法加载运单 %1：%2</translation>
    </message>
    <message>
        <source>The notifications of shipment %1 could not be loaded: %2</source>
        <translation>无法加载运单 %1 的通知：%2</translation>
    </message>
    <message>
        <source>Select a shipment to see its timeline.</source>
        <translation>选择一个运单以查看其轨迹。</translation>
    </message>
    <message>
        <source>Shipment %1 · order %2, sub-order %3 · %4</source>
        <translation>运单 %1 · 订单 %2，子订单 %3 · %4</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source> · current leg: %1</source>
        <translation> · 当前路段：%1</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>顾客：%1</translation>
    </message>
    <message>
        <source>Ship to: %1</source>
        <translation>收货地址：%1</translation>
    </message>
    <message>
        <source>Priced on %L1 g</source>
        <translation>计价重量 %L1 克</translation>
    </message>
    <message>
        <source>Received at the warehouse: %L1 g</source>
        <translation>仓库实收重量：%L1 克</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>, last checkpoint %1</source>
        <translation>，最近节点 %1</translation>
    </message>
    <message>
        <source>Alert %1: %2 (%3) – %4</source>
        <translation>提醒 %1：%2（%3）– %4</translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoint(s) with a carrier status nobody has mapped yet.</source>
        <translation>
            <numerusform>%n 个物流节点的承运商状态尚无人映射。</numerusform>
        </translation>
    </message>
    <message>
        <source>Checkpoint added to shipment %1.</source>
        <translation>已为运单 %1 添加物流节点。</translation>
    </message>
    <message>
        <source>Notification %1 could not be retried: %2</source>
        <translation>通知 %1 无法重试：%2</translation>
    </message>
    <message>
        <source>Notification %1 will be sent again.</source>
        <translation>通知 %1 将重新发送。</translation>
    </message>
    <message>
        <source>Add &amp;checkpoint…</source>
        <translation>添加节点(&amp;C)…</translation>
    </message>
    <message>
        <source>What the customer was told</source>
        <translation>已告知顾客的内容</translation>
    </message>
    <message>
        <source>Re&amp;try sending</source>
        <translation>重新发送(&amp;T)</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::SignInDialog</name>
    <message>
        <source>Enter the server address, e.g. http://127.0.0.1:8080.</source>
        <translation>请输入服务器地址，例如 http://127.0.0.1:8080。</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入您的用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入您的密码。</translation>
    </message>
    <message>
        <source>This app is for staff. Customer accounts cannot sign in here.</source>
        <translation>本应用仅供员工使用，顾客账户无法在此登录。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: this account is locked for now.</source>
        <translation>登录失败次数过多：该账户已暂时锁定。</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1 (%2).</source>
        <translation>无法连接服务器 %1（%2）。</translation>
    </message>
    <message>
        <source>This account cannot sign in: %1</source>
        <translation>该账户无法登录：%1</translation>
    </message>
    <message>
        <source>Sign in to Haitao Ops</source>
        <translation>登录海淘运营</translation>
    </message>
    <message>
        <source>Sign in with your staff account.</source>
        <translation>请使用您的员工账户登录。</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::SimulationPanel</name>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>enter the site, e.g. amazon.com.</source>
        <translation>请填写站点，例如 amazon.com。</translation>
    </message>
    <message>
        <source>%1 is not a known currency.</source>
        <translation>%1 不是已知的货币。</translation>
    </message>
    <message>
        <source>the quantity must be 1 to 999.</source>
        <translation>数量必须为 1 到 999。</translation>
    </message>
    <message>
        <source>the weight must be whole grams.</source>
        <translation>重量必须为整数克。</translation>
    </message>
    <message>
        <source>dimensions are whole millimetres (or empty).</source>
        <translation>尺寸须为整数毫米（或留空）。</translation>
    </message>
    <message>
        <source>The sweep must go up from its first weight in steps of more than 0 g.</source>
        <translation>重量扫描须从起始重量开始递增，步长大于 0 克。</translation>
    </message>
    <message>
        <source>Pricing…</source>
        <translation>正在计价…</translation>
    </message>
    <message>
        <source>Coupon: %1</source>
        <translation>优惠券：%1</translation>
    </message>
    <message>
        <source>Version %1: %2 CNY.</source>
        <translation>版本 %1：%2 人民币。</translation>
    </message>
    <message>
        <source>No draft to compare with.</source>
        <translation>没有可比较的草稿。</translation>
    </message>
    <message>
        <source>Draft: %1 CNY (%2).</source>
        <translation>草稿：%1 人民币（%2）。</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Weight (g)</source>
        <translation>重量（克）</translation>
    </message>
    <message>
        <source>Length (mm)</source>
        <translation>长（毫米）</translation>
    </message>
    <message>
        <source>Width (mm)</source>
        <translation>宽（毫米）</translation>
    </message>
    <message>
        <source>Height (mm)</source>
        <translation>高（毫米）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>C&amp;oupons:</source>
        <translation>优惠券(&amp;O)：</translation>
    </message>
    <message>
        <source>codes, separated by commas</source>
        <translation>优惠码，以逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>目的地(&amp;D)：</translation>
    </message>
    <message>
        <source>Chart the total by weight: from, to, step</source>
        <translation>按重量绘制合计：起、止、步长</translation>
    </message>
    <message>
        <source>Price published and draft</source>
        <translation>按已发布和草稿计价</translation>
    </message>
    <message>
        <source>Total against weight</source>
        <translation>合计随重量变化</translation>
    </message>
    <message>
        <source>the price must be a whole amount in %1.</source>
        <translation>以 %1 计的价格必须为整数。</translation>
    </message>
    <message>
        <source>the price must be an amount such as 19.99, with at most %1 decimals in %2.</source>
        <translation>价格须为金额，例如 19.99，以 %2 计最多保留 %1 位小数。</translation>
    </message>
    <message>
        <source>&amp;First order</source>
        <translation>首单(&amp;F)</translation>
    </message>
    <message>
        <source>Price the cart as the customer&apos;s first order, so that first-order promotions apply.</source>
        <translation>按客户的首单为购物车计价，使首单优惠生效。</translation>
    </message>
    <message>
        <source>Save the sample cart</source>
        <translation>保存样例购物车</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>The name of a sample cart has 1 to %1 characters.</source>
        <translation>样例购物车的名称须为 1 到 %1 个字符。</translation>
    </message>
    <message>
        <source>A sample cart has at most %1 lines.</source>
        <translation>样例购物车最多有 %1 行。</translation>
    </message>
    <message>
        <source>Replace the sample cart</source>
        <translation>替换样例购物车</translation>
    </message>
    <message>
        <source>There is a saved cart named “%1”. Replace it with this one?</source>
        <translation>已有名为“%1”的已保存购物车。要用当前购物车替换它吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>The sample cart could not be saved: the settings file (%1) cannot be written.</source>
        <translation>无法保存样例购物车：设置文件（%1）无法写入。</translation>
    </message>
    <message>
        <source>Saved the sample cart “%1”.</source>
        <translation>已保存样例购物车“%1”。</translation>
    </message>
    <message>
        <source>There is no saved cart named “%1” that can be read.</source>
        <translation>没有名为“%1”且可读取的已保存购物车。</translation>
    </message>
    <message>
        <source>Loaded the sample cart “%1”.</source>
        <translation>已加载样例购物车“%1”。</translation>
    </message>
    <message>
        <source>Delete the sample cart</source>
        <translation>删除样例购物车</translation>
    </message>
    <message>
        <source>Delete the saved cart “%1”?</source>
        <translation>要删除已保存的购物车“%1”吗？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted the sample cart “%1”.</source>
        <translation>已删除样例购物车“%1”。</translation>
    </message>
    <message>
        <source>Choose the site whose route the chart shows, e.g. amazon.com.</source>
        <translation>请选择图表所示线路的站点，例如 amazon.com。</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>站点：%1</translation>
    </message>
    <message>
        <source>The chart for %1 to %2 could not be drawn: %3</source>
        <translation>无法绘制 %1 至 %2 的图表：%3</translation>
    </message>
    <message>
        <source>Total against weight, %1 to %2</source>
        <translation>合计随重量变化：%1 至 %2</translation>
    </message>
    <message>
        <source>Weight of the parcel (g)</source>
        <translation>包裹重量（克）</translation>
    </message>
    <message>
        <source>Total (CNY) for goods worth 0</source>
        <translation>合计（人民币，货值为 0）</translation>
    </message>
    <message>
        <source>Sa&amp;mple cart:</source>
        <translation>样例购物车(&amp;M)：</translation>
    </message>
    <message>
        <source>Load a saved cart</source>
        <translation>加载已保存的购物车</translation>
    </message>
    <message>
        <source>Save cart…</source>
        <translation>保存购物车…</translation>
    </message>
    <message>
        <source>Delete the saved cart chosen in the list</source>
        <translation>删除列表中选中的已保存购物车</translation>
    </message>
    <message>
        <source>for &amp;route</source>
        <translation>线路(&amp;R)</translation>
    </message>
    <message>
        <source>The chart prices one parcel from this site to the destination at each weight, with goods worth 0: its total is the fees.</source>
        <translation>图表按每个重量为从该站点发往目的地的一个包裹计价，货值为 0：其合计即为各项费用。</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>至(&amp;T)</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::SuggestionsPanel</name>
    <message>
        <source>No similar earlier translation</source>
        <translation>没有类似的既往译文</translation>
    </message>
    <message>
        <source>Machine translation failed: %1</source>
        <translation>机器翻译失败：%1</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>翻译建议</translation>
    </message>
    <message>
        <source>Suggestions for %1</source>
        <translation>%1的翻译建议</translation>
    </message>
    <message>
        <source>Translation memory</source>
        <translation>翻译记忆</translation>
    </message>
    <message>
        <source>Earlier published translations of similar text</source>
        <translation>类似文本以往已发布的译文</translation>
    </message>
    <message>
        <source>Machine translation</source>
        <translation>机器翻译</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>Replace the field&apos;s text with the selected suggestion</source>
        <translation>用所选建议替换该字段的文本</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::TranslationEditor</name>
    <message>
        <source>Drafts cannot be kept on this computer: %1</source>
        <translation>无法在本机保存草稿：%1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Sent back by %1 on %2: %3</source>
        <translation>%1 于 %2 退回：%3</translation>
    </message>
    <message>
        <source>Listing %1: loading…</source>
        <translation>商品 %1：正在加载…</translation>
    </message>
    <message>
        <source>Listing %1</source>
        <translation>商品 %1</translation>
    </message>
    <message>
        <source>Listing %1 · %2 · %3 · version %4</source>
        <translation>商品 %1 · %2 · %3 · 版本 %4</translation>
    </message>
    <message>
        <source> · assigned to %1</source>
        <translation> · 已分配给 %1</translation>
    </message>
    <message>
        <source>Published listings are not edited in place.</source>
        <translation>已发布的商品不能直接编辑。</translation>
    </message>
    <message>
        <source>In review: a reviewer decides now.</source>
        <translation>审核中：等待审核人处理。</translation>
    </message>
    <message>
        <source>Listing %1: %2</source>
        <translation>商品 %1：%2</translation>
    </message>
    <message>
        <source>The draft could not be kept on this computer: %1</source>
        <translation>无法在本机保存此草稿：%1</translation>
    </message>
    <message>
        <source>You have unsaved changes to this listing from %1.</source>
        <translation>您在 %1 对此商品有未保存的更改。</translation>
    </message>
    <message>
        <source>The listing changed on the server since: restoring lets you merge.</source>
        <translation>此后服务器上的商品已有更改：恢复后可进行合并。</translation>
    </message>
    <message>
        <source>Your unsaved changes are back. Save them to keep them.</source>
        <translation>已恢复您未保存的更改。请保存以保留这些更改。</translation>
    </message>
    <message>
        <source>Your changes are merged. Save them to keep them.</source>
        <translation>您的更改已合并。请保存以保留这些更改。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this listing. Save again to merge, or reload.</source>
        <translation>未保存：其他人修改了此商品。请再次保存以合并，或重新加载。</translation>
    </message>
    <message>
        <source>Not sent to review: fix the errors the checks found.</source>
        <translation>未提交审核：请修正检查发现的错误。</translation>
    </message>
    <message>
        <source>Sent to review</source>
        <translation>已提交审核</translation>
    </message>
    <message>
        <source>Approved and published</source>
        <translation>已审核通过并发布</translation>
    </message>
    <message>
        <source>Say why the listing goes back: the translator sees it.</source>
        <translation>请说明退回原因：译者会看到。</translation>
    </message>
    <message>
        <source>Sent back to translation</source>
        <translation>已退回翻译</translation>
    </message>
    <message>
        <source>&lt;b&gt;Source&lt;/b&gt;</source>
        <translation>&lt;b&gt;原文&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chinese&lt;/b&gt;</source>
        <translation>&lt;b&gt;中文&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>The glossary could not be checked for %1: %2</source>
        <translation>无法检查%1的术语表：%2</translation>
    </message>
    <message>
        <source>Glossary checks unavailable</source>
        <translation>术语表检查不可用</translation>
    </message>
    <message>
        <source>Forbidden words in these fields will not be found.</source>
        <translation>将无法发现这些字段中的禁用词。</translation>
    </message>
    <message>
        <source>Submit without the glossary checks</source>
        <translation>不经术语表检查直接提交</translation>
    </message>
    <message>
        <source>Not sent to review: %1</source>
        <translation>未提交审核：%1</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::UsersPanel</name>
    <message>
        <source>Created the account “%1”.</source>
        <translation>已创建账户“%1”。</translation>
    </message>
    <message>
        <source>Search user name or display name</source>
        <translation>搜索用户名或显示名称</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>所有角色</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>New staff account…</source>
        <translation>新建员工账户…</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::WarehouseLabels</name>
    <message>
        <source>%L1 g</source>
        <translation>%L1 克</translation>
    </message>
    <message>
        <source>±0 g</source>
        <translation>±0 克</translation>
    </message>
    <message>
        <source>due</source>
        <translation>待支付</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>refund pending</source>
        <translation>退款处理中</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>to refund by hand</source>
        <translation>需人工退款</translation>
    </message>
    <message>
        <source>Received %1 by %2: %3 (priced on %4)</source>
        <translation>%1 由 %2 收货：%3（计价重量 %4）</translation>
    </message>
    <message>
        <source>, fee adjustment %1 (%2)</source>
        <translation>，费用调整 %1（%2）</translation>
    </message>
    <message>
        <source>, no fee adjustment</source>
        <translation>，无费用调整</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::WarehouseReceivingPage</name>
    <message>
        <source>Warehouse receiving</source>
        <translation>仓库收货</translation>
    </message>
    <message>
        <source>the lookup failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message>
        <source>Enter the weight in whole grams, 1 to %L1.</source>
        <translation>请输入整数克重，1 至 %L1。</translation>
    </message>
    <message>
        <source>The weight could not be checked: %1</source>
        <translation>无法核对重量：%1</translation>
    </message>
    <message>
        <source>Type the weight in grams and press Enter to see the difference and any fee adjustment.</source>
        <translation>输入克重并按 Enter，查看差额及费用调整。</translation>
    </message>
    <message>
        <source>Weighed %1 · priced on %2 · difference %3 (%4)</source>
        <translation>实重 %1 · 计价重量 %2 · 差额 %3（%4）</translation>
    </message>
    <message>
        <source>beyond the tolerance</source>
        <translation>超出容差</translation>
    </message>
    <message>
        <source>within the tolerance</source>
        <translation>在容差范围内</translation>
    </message>
    <message>
        <source>Fee adjustment %1: before %2 → after %3 (%4)</source>
        <translation>费用调整 %1：调整前 %2 → 调整后 %3（%4）</translation>
    </message>
    <message>
        <source>refunded to the customer</source>
        <translation>退还给顾客</translation>
    </message>
    <message>
        <source>the customer pays</source>
        <translation>由顾客支付</translation>
    </message>
    <message>
        <source>No fee adjustment.</source>
        <translation>无费用调整。</translation>
    </message>
    <message>
        <source>Enter or Ctrl+Enter confirms this weight; Esc cancels.</source>
        <translation>按 Enter 或 Ctrl+Enter 确认此重量；按 Esc 取消。</translation>
    </message>
    <message>
        <source>Not recorded again: %1</source>
        <translation>未重复记录：%1</translation>
    </message>
    <message>
        <source>The receipt was not recorded: %1</source>
        <translation>收货未记录：%1</translation>
    </message>
    <message>
        <source>Shipment %1 received at %2; fee adjustment %3.</source>
        <translation>运单 %1 已于 %2 收货；费用调整 %3。</translation>
    </message>
    <message>
        <source>Shipment %1 received at %2.</source>
        <translation>运单 %1 已于 %2 收货。</translation>
    </message>
    <message>
        <source>&amp;Scan:</source>
        <translation>扫描(&amp;S)：</translation>
    </message>
    <message>
        <source>Scan or type the shop&apos;s tracking number, then Enter</source>
        <translation>扫描或输入商店的运单号，然后按 Enter</translation>
    </message>
    <message>
        <source>&amp;Weight (g):</source>
        <translation>重量（克）(&amp;W)：</translation>
    </message>
    <message>
        <source>grams</source>
        <translation>克</translation>
    </message>
    <message>
        <source>&amp;Confirm receipt</source>
        <translation>确认收货(&amp;C)</translation>
    </message>
    <message>
        <source>Received at this desk</source>
        <translation>本工位已收货</translation>
    </message>
</context>
<context>
    <name>haitao::widgets::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome, %1.</source>
        <translation>欢迎，%1。</translation>
    </message>
    <message>
        <source>You are signed in as %1. The tools for your work will appear in the list on the left.</source>
        <translation>您已以%1身份登录。您的工作工具将显示在左侧列表中。</translation>
    </message>
</context>
</TS>
