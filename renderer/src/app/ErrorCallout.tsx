import { Callout } from '@blueprintjs/core';
import { ErrorIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';

// Failures are shown by their contract code, in the user's language. The core's own message is
// added only for codes where it names the field or record at fault (it never carries a stack).
const DETAILED = new Set(['INVALID_INPUT', 'CONSTRAINT', 'NOT_FOUND']);

export function ErrorCallout({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = isApiError(error) ? error.code : 'INTERNAL';
  const detail = isApiError(error) && DETAILED.has(code) ? error.message : null;
  return (
    <Callout intent="danger" icon={<ErrorIcon />} className="cordon-error" data-code={code} role="alert">
      <div>{t(`errors.${code}`)}</div>
      {detail && <div className="cordon-error-detail">{detail}</div>}
    </Callout>
  );
}
