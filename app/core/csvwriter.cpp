#include "csvwriter.h"

#include <QObject>

namespace orgward {

namespace csv {

namespace {
bool startsFormula(QChar c)
{
    switch (c.unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
    case 0xFF1D: // full-width =, +, -, @
    case 0xFF0B:
    case 0xFF0D:
    case 0xFF20:
        return true;
    default:
        return false;
    }
}

// Optional minus, digits, optionally a point and more digits: a number and nothing else.
bool isPlainNumber(const QString &s)
{
    qsizetype i = s.startsWith(u'-') ? 1 : 0;
    const qsizetype digitsFrom = i;
    while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128)
        ++i;
    if (i == digitsFrom) return false;
    if (i == s.size()) return true;
    if (s[i] != u'.') return false;
    const qsizetype fractionFrom = ++i;
    while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128)
        ++i;
    return i > fractionFrom && i == s.size();
}
} // namespace

QString neutralized(const QString &cell)
{
    if (cell.isEmpty() || !startsFormula(cell.front()) || isPlainNumber(cell)) return cell;
    return u'\'' + cell;
}

QString field(const QString &cell)
{
    const QString s = neutralized(cell);
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r')) return s;
    QString q = s;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

QString record(const QStringList &cells)
{
    QStringList out;
    out.reserve(cells.size());
    for (const QString &c : cells)
        out << field(c);
    return out.join(u',') + QStringLiteral("\r\n");
}

} // namespace csv

CsvFile::CsvFile(const QString &path) : m_file(path) {}

Status CsvFile::failed(const QString &what) const
{
    return err(Error::Code::Io, QObject::tr("Cannot %1 %2: %3. Choose another folder or file name.")
                                    .arg(what, m_file.fileName(), m_file.errorString()));
}

Status CsvFile::open()
{
    if (!m_file.open(QIODevice::WriteOnly)) return failed(QObject::tr("create"));
    // Before the first byte: exports hold member emails and key names.
    if (!m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        m_file.cancelWriting();
        return failed(QObject::tr("restrict the permissions of"));
    }
    return {};
}

Status CsvFile::writeRecord(const QStringList &cells)
{
    const QByteArray bytes = csv::record(cells).toUtf8();
    if (m_file.write(bytes) != bytes.size()) return failed(QObject::tr("write"));
    return {};
}

Status CsvFile::commit()
{
    if (!m_file.commit()) return failed(QObject::tr("save"));
    return {};
}

} // namespace orgward
