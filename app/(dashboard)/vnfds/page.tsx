import { VnfdsPage } from '@/components/vnfds/vnfds-page';

export default function Page() {
  return <VnfdsPage />;
}
