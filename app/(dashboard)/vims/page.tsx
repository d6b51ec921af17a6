import { VimsPage } from '@/components/vims/vims-page';

export default function Page() {
  return <VimsPage />;
}
