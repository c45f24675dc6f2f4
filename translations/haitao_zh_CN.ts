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
