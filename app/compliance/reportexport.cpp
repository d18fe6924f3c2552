#include "reportexport.h"
#include "core/instant.h"

#include "compliance/journal.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonObject>

namespace orgward {

Result<ReportExport> exportReport(Database &db, const Report &r, ReportFormat format, const QByteArray &bytes,
                                  const QString &path)
{
    ReportExport out;
    out.path = QFileInfo(path).absoluteFilePath();
    out.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    out.bytes = bytes.size();
    if (db.isReadOnly()) {
        if (auto s = writeFileAtomically(path, bytes); !s) return s.error();
        out.notJournaledWhy =
            QStringLiteral("the database is open read-only, so the journal cannot record this "
                           "report");
        return out;
    }
    const QJsonObject payload{{QStringLiteral("report"), r.meta.name},
                              {QStringLiteral("format"), reportFormatName(format)},
                              {QStringLiteral("file"), QFileInfo(path).fileName()},
                              {QStringLiteral("sha256"), out.sha256},
                              {QStringLiteral("bytes"), out.bytes},
                              {QStringLiteral("rows"), r.rowCount()},
                              {QStringLiteral("from"), formatInstant(r.meta.from)},
                              {QStringLiteral("to"), formatInstant(r.meta.to)},
                              {QStringLiteral("as_of"), formatInstant(r.meta.asOf)},
                              {QStringLiteral("redaction"), redactModeName(r.meta.redaction)}};
    if (auto s = db.begin(); !s) return s.error();
    auto entry = Journal(db).append(JournalKind::Report, r.meta.orgKey, payload);
    if (!entry) {
        db.rollback();
        return entry.error();
    }
    if (auto s = writeFileAtomically(path, bytes); !s) {
        db.rollback();
        return s.error();
    }
    if (auto s = db.commit(); !s) return s.error(); // the file stays: its entry's absence is what verify sees
    out.journalSeq = entry->seq;
    return out;
}

} // namespace orgward
