import { OverviewPage } from '@/components/overview';

export default function Page() {
  return <OverviewPage />;
}
