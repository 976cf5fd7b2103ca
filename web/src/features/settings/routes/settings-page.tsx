/** Settings: the advisory database for everyone; tokens and users for admins only (the tabs are not even shown). */
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { type TabItem, Tabs } from '../../../shared/components/tabs.tsx';
import { useHasRole } from '../../../shared/hooks/use-session.ts';
import { DatabasePanel } from '../components/database-panel.tsx';
import { TokensPanel } from '../components/tokens-panel.tsx';
import { UsersPanel } from '../components/users-panel.tsx';

/** The page component. */
export function SettingsPage(): ReactNode {
  const admin = useHasRole('admin');
  const [search, setSearch] = useSearchParams();
  const tabs: TabItem[] = [{ id: 'database', label: 'Advisory database', panel: () => <DatabasePanel /> }];
  if (admin) {
    tabs.push({ id: 'tokens', label: 'API tokens', panel: () => <TokensPanel /> });
    tabs.push({ id: 'users', label: 'Users', panel: () => <UsersPanel /> });
  }
  return (
    <div className="page">
      <PageHeader title="Settings" />
      <Tabs
        label="Settings sections"
        tabs={tabs}
        selected={search.get('tab') ?? 'database'}
        onSelect={(tab) => setSearch({ tab }, { replace: true })}
      />
    </div>
  );
}
