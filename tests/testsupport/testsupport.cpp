#include "testsupport.h"

#include "core/decimal.h"
#include "domain/tables.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEvent>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QTest>
#include <QThread>
#include <QUrl>

namespace orgward::test {

QString sourceDir()
{
    return QStringLiteral(ORGWARD_SOURCE_DIR);
}
QString fixturesDir()
{
    return sourceDir() + QStringLiteral("/fixtures");
}

std::unique_ptr<Database> openSqlite(const QTemporaryDir &dir, const QString &name)
{
    auto db = Database::open(DatabaseUrl::sqlite(dir.filePath(name)));
    if (!db) qFatal("cannot open test SQLite: %s", qPrintable(db.errorMessage()));
    return std::move(*db);
}

std::unique_ptr<Database> openPostgresOrFail(const QString &name, const QString &createOptions)
{
    QString why;
    auto db = openPostgres(name, &why, createOptions);
    if (!db) {
        if (postgresRequired())
            QTest::qFail(qPrintable(why), __FILE__, __LINE__);
        else
            QTest::qSkip(qPrintable(why), __FILE__, __LINE__);
    }
    return db;
}

void addEngineRows()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("sqlite") << false;
    QTest::newRow("postgresql") << true;
}

std::unique_ptr<Database> openEngine(const QTemporaryDir &dir, const QString &pgName)
{
    QFETCH(bool, postgres);
    return postgres ? openPostgresOrFail(pgName) : openSqlite(dir);
}

Status insertSyncedRow(Database &db, const QString &orgKey, const QString &table, QVariantMap cols,
                       qint64 now)
{
    cols.insert(QStringLiteral("org_key"), orgKey);
    cols.insert(QStringLiteral("row_hash"), QStringLiteral("h"));
    cols.insert(QStringLiteral("first_seen_at"), now);
    cols.insert(QStringLiteral("updated_at"), now);
    QStringList marks;
    QVariantList values;
    for (auto it = cols.cbegin(); it != cols.cend(); ++it) {
        marks << QStringLiteral("?");
        values << (it.key().endsWith(QLatin1String("_at")) ? db.bindTimestamp(it.value()) : it.value());
    }
    return db.run(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                      .arg(table, cols.keys().join(u','), marks.join(u',')),
                  values);
}

bool postgresRequired()
{
    return qEnvironmentVariableIntValue("ORGWARD_REQUIRE_PG") == 1;
}

std::unique_ptr<Database> openPostgres(const QString &name, QString *why, const QString &createOptions)
{
    const QString base = qEnvironmentVariable("ORGWARD_TEST_PG");
    if (base.isEmpty()) {
        *why = QStringLiteral(
            "ORGWARD_TEST_PG is not set (scripts/test starts a PostgreSQL server and sets it)");
        return nullptr;
    }
    auto admin = DatabaseUrl::parse(base);
    if (!admin) {
        *why = admin.errorMessage();
        return nullptr;
    }
    QString dbName = name.toLower();
    dbName.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    dbName = QStringLiteral("orgward_t_") + dbName;
    {
        auto conn = Database::open(*admin, OpenOptions{false, false, true});
        if (!conn) {
            *why = conn.errorMessage();
            return nullptr;
        }
        (void)(*conn)->run(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(dbName));
        if (auto r = (*conn)->run(QStringLiteral("CREATE DATABASE %1 %2").arg(dbName, createOptions)); !r) {
            *why = r.errorMessage();
            return nullptr;
        }
    }
    DatabaseUrl u = *admin;
    u.database = dbName;
    auto db = Database::open(u);
    if (!db) {
        *why = db.errorMessage();
        return nullptr;
    }
    return std::move(*db);
}

// Engines differ in spelling, not meaning: numeric(38,18) pads decimals, jsonb reorders keys.
QString canonicalText(const QString &s)
{
    static const QRegularExpression decimal(QStringLiteral(R"(^-?\d+\.\d+$)"));
    if (decimal.match(s).hasMatch()) return Decimal::parse(s)->toString();
    if (s.startsWith(u'{') || s.startsWith(u'[')) {
        const QJsonDocument doc = QJsonDocument::fromJson(s.toUtf8());
        if (!doc.isNull()) return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    }
    return s;
}

QString tableChecksum(Database &db, const QString &table, const QString &orgKey)
{
    static const QStringList skip{QStringLiteral("first_seen_at"), QStringLiteral("updated_at"),
                                  QStringLiteral("last_seen_pass"), QStringLiteral("raw")};
    auto q = db.exec(QStringLiteral("SELECT * FROM %1 WHERE org_key = ?").arg(table), {orgKey});
    if (!q) return QStringLiteral("error: ") + q.errorMessage();
    QStringList rows;
    while (q->next()) {
        const QSqlRecord rec = q->record();
        QStringList cells;
        for (int i = 0; i < rec.count(); ++i) {
            if (skip.contains(rec.fieldName(i))) continue;
            const QVariant v = q->value(i);
            QString s;
            if (v.isNull())
                s = QStringLiteral("<null>");
            else if (v.metaType().id() == QMetaType::QDateTime)
                s = QString::number(v.toDateTime().toSecsSinceEpoch());
            else if (v.metaType().id() == QMetaType::Bool)
                s = v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
            else
                s = canonicalText(v.toString());
            cells << rec.fieldName(i) + u'=' + s;
        }
        rows << cells.join(u'|');
    }
    rows.sort();
    return QString::fromLatin1(
        QCryptographicHash::hash(rows.join(u'\n').toUtf8(), QCryptographicHash::Sha256).toHex());
}

class NestedLoopGuard::Filter : public QObject
{
public:
    Filter() : m_base(QThread::currentThread()->loopLevel()) {}
    bool eventFilter(QObject *receiver, QEvent *event) override
    {
        const int level = QThread::currentThread()->loopLevel() - m_base;
        if (level > deepest) {
            if (deepest == 0)
                where = QStringLiteral("event %1 to %2")
                            .arg(int(event->type()))
                            .arg(QString::fromLatin1(receiver->metaObject()->className()));
            deepest = level;
        }
        return false;
    }
    int deepest = 0;
    QString where;

private:
    int m_base;
};

NestedLoopGuard::NestedLoopGuard() : m_filter(new Filter)
{
    QCoreApplication::instance()->installEventFilter(m_filter);
}

NestedLoopGuard::~NestedLoopGuard()
{
    QCoreApplication::instance()->removeEventFilter(m_filter);
    delete m_filter;
}

int NestedLoopGuard::deepest() const
{
    return m_filter->deepest;
}

QString NestedLoopGuard::where() const
{
    return m_filter->where;
}

void NestedLoopGuard::reset()
{
    m_filter->deepest = 0;
    m_filter->where.clear();
}

QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"' && field.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            record << field;
            records << record;
            record.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

} // namespace orgward::test
