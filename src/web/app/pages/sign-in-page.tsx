import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Flex, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { saveLocale } from '../../features/auth/api/use-change-locale';
import { sessionQueryKey, useSession } from '../../features/auth/api/session';
import type { Session } from '../../lib/session';
import { UiProvider } from '../../components/ui/ui-provider';
import { LanguageSwitch } from '../../features/auth/components/language-switch';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { changeLocale, useT } from '../../lib/i18n';
import { getLocale } from '../../lib/locale-store';
import { useDocumentTitle } from '../../lib/use-document-title';
import { safeNextPath, type SignInLocationState } from '../require-auth';

export function SignInPage() {
  return (
    <UiProvider>
      <SignIn />
    </UiProvider>
  );
}

function SignIn() {
  const t = useT();
  useDocumentTitle(t('signIn.title'));
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const next = safeNextPath(params.get('next'));
  const state = location.state as SignInLocationState;
  /** Whether the language was chosen on this page; that choice then wins over the one saved for the user. */
  const choseLanguage = useRef(false);

  const signedOut = state?.signedOut === true;
  useEffect(() => {
    if (!signedOut) return;
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
    queryClient.setQueryData(sessionQueryKey, null);
  }, [signedOut, queryClient]);

  if (session && !signedOut) return <Navigate to={next} replace />;

  async function onSignedIn(signedIn: Session) {
    queryClient.setQueryData(sessionQueryKey, signedIn);
    const current = getLocale();
    if (signedIn.user.locale !== current) {
      if (choseLanguage.current) await saveLocale(queryClient, current);
      else changeLocale(signedIn.user.locale);
    }
    await navigate(next, { replace: true });
  }

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: '#f0f4f8' }}
    >
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <LanguageSwitch onChange={() => (choseLanguage.current = true)} />
        </Flex>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('app.fullName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('signIn.intro')}</Typography.Paragraph>
        {state?.reason === 'expired' ? (
          <Alert style={{ marginBottom: 16 }} type="info" showIcon title={t('signIn.sessionExpired')} />
        ) : null}
        <SignInForm onSignedIn={onSignedIn} />
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <Typography.Link href="/catalogue">{t('signIn.publicCatalogue')}</Typography.Link>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
