import { LaunchWizard } from '@/components/vnfs/launch-wizard';

export default function Page() {
  return <LaunchWizard />;
}
