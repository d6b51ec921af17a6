import { RegisterVimForm } from '@/components/vims/register-vim-form';

export default function Page() {
  return <RegisterVimForm />;
}
