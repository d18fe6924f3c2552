#include "connectdialog.h"

#include "core/sanitizer.h"
#include "security/dbprofiles.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace orgward {

namespace {
constexpr int kChoiceRole = Qt::UserRole;
constexpr int kProfileRole = Qt::UserRole + 1;
const QLatin1String kProfilePrefix("profile:");

QLabel *messageLabel(const QString &objectName, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setVisible(false);
    return l;
}
} // namespace

bool registerUrlPassword(const QString &urlText)
{
    const QString t = urlText.trimmed();
    const qsizetype scheme = t.indexOf(QLatin1String("://"));
    if (scheme < 0) return false;
    QString rest = t.mid(scheme + 3);
    rest = rest.left(rest.indexOf(u'?') < 0 ? rest.size() : rest.indexOf(u'?'));
    const qsizetype at = rest.lastIndexOf(u'@'); // a password may hold '@' and '/': the last '@' ends it
    if (at < 0) return false;
    const QString userInfo = rest.left(at);
    const qsizetype colon = userInfo.indexOf(u':');
    if (colon < 0) return false;
    const QString password = userInfo.mid(colon + 1);
    if (password.isEmpty()) return false;
    Sanitizer::addSecret(password);
    Sanitizer::addSecret(QUrl::fromPercentEncoding(password.toUtf8()));
    Sanitizer::addSecret(userInfo); // "user:password" as a whole, for passwords too short to register
    return true;
}

ConnectDialog::ConnectDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to a database"));
    setModal(false);
    m_current = new QLabel(this);
    m_current->setObjectName(QStringLiteral("currentConnection"));
    m_current->setTextFormat(Qt::PlainText);
    m_warning = messageLabel(QStringLiteral("connectWarning"), this);
    m_error = messageLabel(QStringLiteral("connectError"), this);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("connections"));
    m_list->setAccessibleName(tr("Connections"));
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectDialog::onRowChanged);
    connect(m_list, &QListWidget::itemActivated, this, &ConnectDialog::connectSelected);

    m_details = new QStackedWidget(this);
    auto *profileHelp = new QLabel(tr("The password is read from the connection's secret store (set it with "
                                      "'orgward db set-password NAME')."),
                                   this);
    profileHelp->setWordWrap(true);
    m_details->addWidget(profileHelp);
    auto *sqlite = new QWidget(this);
    auto *sqliteRow = new QHBoxLayout(sqlite);
    sqliteRow->setContentsMargins(0, 0, 0, 0);
    m_sqlitePath = new QLineEdit(sqlite);
    m_sqlitePath->setObjectName(QStringLiteral("sqlitePath"));
    m_sqlitePath->setAccessibleName(tr("SQLite file"));
    auto *browseButton = new QPushButton(tr("Browse…"), sqlite);
    connect(browseButton, &QPushButton::clicked, this, &ConnectDialog::browse);
    sqliteRow->addWidget(m_sqlitePath, 1);
    sqliteRow->addWidget(browseButton);
    m_details->addWidget(sqlite);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("urlText"));
    m_url->setAccessibleName(tr("Database URL"));
    m_url->setPlaceholderText(tr("postgresql://user@host:5432/db?sslmode=verify-full (no password)"));
    m_details->addWidget(m_url);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_connect = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    connect(m_connect, &QPushButton::clicked, this, &ConnectDialog::connectSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_current);
    layout->addWidget(m_warning);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 420);
}

void ConnectDialog::reload(const QString &current)
{
    m_current->setText(tr("Connected to %1").arg(Sanitizer::mask(current)));
    m_list->clear();
    showError(QString());
    auto profiles = DbProfiles::list();
    if (profiles) {
        for (const DbProfile &p : std::as_const(*profiles)) {
            auto *item = new QListWidgetItem(
                tr("%1 — %2").arg(p.name, Sanitizer::mask(p.urlWithoutPassword().display())), m_list);
            item->setData(kChoiceRole, int(Choice::Profile));
            item->setData(kProfileRole, p.name);
        }
    } else {
        showError(tr("Cannot read the connection profiles: %1").arg(profiles.errorMessage()));
    }
    auto *sqlite = new QListWidgetItem(tr("SQLite file…"), m_list);
    sqlite->setData(kChoiceRole, int(Choice::SqliteFile));
    auto *url = new QListWidgetItem(tr("URL…"), m_list);
    url->setData(kChoiceRole, int(Choice::Url));
    m_list->setCurrentRow(0);
}

void ConnectDialog::setWarning(const QString &text)
{
    m_warning->setText(Sanitizer::mask(text));
    m_warning->setVisible(!text.isEmpty());
}

void ConnectDialog::showError(const QString &text)
{
    m_error->setText(Sanitizer::mask(text));
    m_error->setVisible(!text.isEmpty());
}

QString ConnectDialog::errorText() const
{
    return m_error->text();
}

QString ConnectDialog::warningText() const
{
    return m_warning->text();
}

bool ConnectDialog::select(Choice choice, const QString &profile)
{
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (item->data(kChoiceRole).toInt() == int(choice) &&
            (choice != Choice::Profile || item->data(kProfileRole).toString() == profile)) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void ConnectDialog::setSqlitePath(const QString &path)
{
    m_sqlitePath->setText(path);
}

void ConnectDialog::setUrlText(const QString &text)
{
    m_url->setText(text);
}

void ConnectDialog::onRowChanged()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item) return;
    m_details->setCurrentIndex(item->data(kChoiceRole).toInt()); // pages in Choice order
    showError(QString());
}

void ConnectDialog::browse()
{
    // open(), not exec(): the console keeps running while the file dialog is up.
    auto *files = new QFileDialog(this, tr("SQLite database"), QDir::homePath(),
                                  tr("SQLite databases (*.db *.sqlite);;All files (*)"));
    files->setAttribute(Qt::WA_DeleteOnClose);
    files->setFileMode(QFileDialog::AnyFile);
    files->setOption(QFileDialog::DontConfirmOverwrite);
    connect(files, &QFileDialog::fileSelected, m_sqlitePath, &QLineEdit::setText);
    files->open();
}

Result<DatabaseUrl> ConnectDialog::selectedUrl() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item) return err(Error::Code::Usage, tr("Choose a connection."));
    switch (Choice(item->data(kChoiceRole).toInt())) {
    case Choice::Profile:
        return DbProfiles::resolve(item->data(kProfileRole).toString()); // password from its store
    case Choice::SqliteFile: {
        const QString path = m_sqlitePath->text().trimmed();
        if (path.isEmpty()) return err(Error::Code::Usage, tr("Choose a SQLite file."));
        return DatabaseUrl::sqlite(QDir::cleanPath(QDir::current().absoluteFilePath(path)));
    }
    case Choice::Url: {
        const QString text = m_url->text().trimmed();
        if (text.startsWith(kProfilePrefix)) return DbProfiles::resolve(text.mid(kProfilePrefix.size()));
        if (registerUrlPassword(text))
            return err(Error::Code::Usage,
                       tr("This URL carries a password, which would then sit in plain text. Add a "
                          "connection profile instead ('orgward db add NAME …' and 'orgward db set-password "
                          "NAME'): its password stays in the keychain."));
        return DatabaseUrl::parse(text);
    }
    }
    return err(Error::Code::Usage, tr("Choose a connection."));
}

void ConnectDialog::connectSelected()
{
    auto url = selectedUrl();
    if (!url) {
        showError(url.errorMessage());
        return;
    }
    showError(QString());
    Q_EMIT chosen(*url);
}

} // namespace orgward
