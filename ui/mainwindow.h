#pragma once
#include "store/database.h"

#include <QMainWindow>
#include <memory>

class QComboBox;
class QListWidget;
class QStackedWidget;
class QLabel;

namespace orgward {
class TablePane;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(std::unique_ptr<Database> db, const QString &initialOrg, QWidget *parent = nullptr);
    ~MainWindow() override;

    Database &database() { return *m_db; }
    QString currentOrg() const;
    QStringList paneNames() const;
    void showPane(int index);

private:
    void loadOrganizations(const QString &preferred);
    void onOrgChanged();
    void buildMenus();

    std::unique_ptr<Database> m_db;
    QComboBox *m_orgBox = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_status = nullptr;
    QList<TablePane *> m_panes;
};

} // namespace orgward
