import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { inquiryTimeframes, type InquiryTimeframe } from '../../../domain/inquiry/inquiry';
import type { InquiryChallenge, InquiryInput } from '../../../domain/inquiry/inquiry.schema';
import { COUNTRY_CODES } from '../../../domain/shared/countries';
import { inquiryTranslator, type InquiryLang, type InquiryMessageKey } from './inquiry-i18n';
import { solveChallenge } from './solve-challenge';
import './inquiry.css';

/**
 * The investor inquiry form of a published zone's public page: plain React, no component kit. The anti-spam
 * proof of work starts when the form is first used (the challenge is fetched then, and solved while the
 * investor types), so sending is immediate. A refused proof (expired, used) is redone once by itself; nothing
 * the investor typed is ever lost on an error. The hidden `website` field is the honeypot.
 */
export function InquiryForm({
  zoneCode,
  zoneName,
  lang,
}: {
  zoneCode: string;
  zoneName: string;
  lang: InquiryLang;
}) {
  const t = useMemo(() => inquiryTranslator(lang), [lang]);
  const id = useId();
  const [values, setValues] = useState<Values>(emptyValues);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'checking' | 'sending'>('idle');
  const [reference, setReference] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<InquiryChallenge | null>(null);
  const proof = useRef<Promise<Proof> | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  /** Starts (once) fetching and solving a challenge; the same promise is awaited on sending. */
  const startProof = () => {
    if (proof.current) return proof.current;
    abort.current = new AbortController();
    const signal = abort.current.signal;
    const started = (async () => {
      const response = await fetch('/api/public/inquiry-challenge', {
        headers: { accept: 'application/json' },
        signal,
      });
      if (!response.ok) throw new SendError(response.status, response.headers.get('retry-after'));
      const issued = (await response.json()) as InquiryChallenge;
      setChallenge(issued);
      const nonce = await solveChallenge(issued.challenge, issued.difficulty, { signal });
      return { challenge: issued.challenge, nonce, consentVersion: issued.consent.version };
    })();
    // A failed start is retried on the next attempt rather than remembered.
    started.catch(() => {
      if (proof.current === started) proof.current = null;
    });
    proof.current = started;
    return started;
  };

  const set = (field: keyof Values) => (value: string | boolean) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found = validate(values, t);
    setErrors(found);
    if (Object.keys(found).length) {
      setFormError(t('inquiry.error.form'));
      return;
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        setState('checking');
        const solved = await startProof();
        setState('sending');
        const result = await send(zoneCode, values, lang, solved);
        proof.current = null;
        if (result.ok) {
          setReference(result.reference);
          setState('idle');
          return;
        }
        // The proof was refused (expired or used): get a new one and send again, once.
        if (result.fields.proof && attempt === 0) continue;
        const mapped = mapServerFields(result.fields, t);
        setErrors(mapped);
        setFormError(Object.keys(mapped).length ? t('inquiry.error.form') : t('inquiry.error.failed'));
      } catch (error) {
        proof.current = null;
        setFormError(errorText(error, t));
      }
      break;
    }
    setState('idle');
  };

  const countries = useCountries(lang);

  if (reference) {
    return (
      <section className="inq" aria-labelledby={`${id}-title`} data-testid="inquiry-form">
        <h2 id={`${id}-title`}>{t('inquiry.sent')}</h2>
        <p role="status" data-testid="inquiry-sent">
          {t('inquiry.sentBody', { reference })}
        </p>
        <button
          type="button"
          className="inq-button"
          onClick={() => {
            setReference(null);
            setValues(emptyValues);
          }}
        >
          {t('inquiry.another')}
        </button>
      </section>
    );
  }

  const noticeText = challenge
    ? lang === 'vi'
      ? challenge.consent.text.vi
      : challenge.consent.text.en
    : null;
  const busy = state !== 'idle';
  const field = (
    name: Field,
    label: string,
    control: (props: ControlProps) => ReactNode,
    optional = false,
  ) => (
    <div className="inq-field">
      <label htmlFor={`${id}-${name}`}>
        {label} {optional ? <span className="inq-muted">{t('inquiry.optional')}</span> : null}
      </label>
      {control({
        id: `${id}-${name}`,
        'aria-invalid': errors[name] ? true : undefined,
        'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
      })}
      {errors[name] ? (
        <p className="inq-error" id={`${id}-${name}-error`}>
          {errors[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <section className="inq" aria-labelledby={`${id}-title`} data-testid="inquiry-form">
      <h2 id={`${id}-title`}>{t('inquiry.title')}</h2>
      <p className="inq-muted">
        <strong>{zoneName}</strong> — {t('inquiry.intro')}
      </p>
      <form
        noValidate
        onSubmit={(e) => void submit(e)}
        onFocus={() => void startProof().catch(() => undefined)}
      >
        {field('purpose', t('inquiry.purpose'), (p) => (
          <input
            {...p}
            value={values.purpose}
            maxLength={300}
            onChange={(e) => set('purpose')(e.target.value)}
          />
        ))}
        {field(
          'sector',
          t('inquiry.sector'),
          (p) => (
            <input
              {...p}
              value={values.sector}
              maxLength={200}
              onChange={(e) => set('sector')(e.target.value)}
            />
          ),
          true,
        )}
        <div className="inq-row">
          {field(
            'landHa',
            t('inquiry.landHa'),
            (p) => (
              <input
                {...p}
                inputMode="decimal"
                value={values.landHa}
                maxLength={12}
                onChange={(e) => set('landHa')(e.target.value)}
              />
            ),
            true,
          )}
          {field('timeframe', t('inquiry.timeframe'), (p) => (
            <select {...p} value={values.timeframe} onChange={(e) => set('timeframe')(e.target.value)}>
              {inquiryTimeframes.map((tf) => (
                <option key={tf} value={tf}>
                  {t(`inquiry.timeframe.${tf}` as InquiryMessageKey)}
                </option>
              ))}
            </select>
          ))}
        </div>
        {field(
          'message',
          t('inquiry.message'),
          (p) => (
            <textarea
              {...p}
              rows={4}
              value={values.message}
              maxLength={4000}
              onChange={(e) => set('message')(e.target.value)}
            />
          ),
          true,
        )}
        <fieldset className="inq-fieldset">
          <legend>{t('inquiry.contact')}</legend>
          {field('name', t('inquiry.name'), (p) => (
            <input
              {...p}
              autoComplete="name"
              value={values.name}
              maxLength={200}
              onChange={(e) => set('name')(e.target.value)}
            />
          ))}
          {field(
            'organisation',
            t('inquiry.organisation'),
            (p) => (
              <input
                {...p}
                autoComplete="organization"
                value={values.organisation}
                maxLength={300}
                onChange={(e) => set('organisation')(e.target.value)}
              />
            ),
            true,
          )}
          <div className="inq-row">
            {field('email', t('inquiry.email'), (p) => (
              <input
                {...p}
                type="email"
                autoComplete="email"
                value={values.email}
                maxLength={254}
                onChange={(e) => set('email')(e.target.value)}
              />
            ))}
            {field(
              'phone',
              t('inquiry.phone'),
              (p) => (
                <input
                  {...p}
                  type="tel"
                  autoComplete="tel"
                  value={values.phone}
                  maxLength={40}
                  onChange={(e) => set('phone')(e.target.value)}
                />
              ),
              true,
            )}
          </div>
          {field('country', t('inquiry.country'), (p) => (
            <select
              {...p}
              autoComplete="country"
              value={values.country}
              onChange={(e) => set('country')(e.target.value)}
            >
              <option value="">{t('inquiry.countryChoose')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          ))}
        </fieldset>
        {/* The honeypot: hidden from people and assistive technology, filled in by form robots. */}
        <div className="inq-hp" aria-hidden="true">
          <label htmlFor={`${id}-website`}>{t('inquiry.honeypot')}</label>
          <input
            id={`${id}-website`}
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={(e) => set('website')(e.target.value)}
          />
        </div>
        <div className="inq-notice" aria-live="polite">
          <h3>{t('inquiry.notice')}</h3>
          <p data-testid="inquiry-notice">{noticeText ?? '…'}</p>
        </div>
        <div className="inq-field inq-consent">
          <input
            id={`${id}-consent`}
            type="checkbox"
            checked={values.consent}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? `${id}-consent-error` : undefined}
            onChange={(e) => set('consent')(e.target.checked)}
          />
          <label htmlFor={`${id}-consent`}>{t('inquiry.consent')}</label>
          {errors.consent ? (
            <p className="inq-error" id={`${id}-consent-error`}>
              {errors.consent}
            </p>
          ) : null}
        </div>
        {formError ? (
          <p className="inq-error inq-form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <p className="inq-muted" aria-live="polite">
          {state === 'checking' ? t('inquiry.checking') : state === 'sending' ? t('inquiry.sending') : ''}
        </p>
        <button type="submit" className="inq-button inq-button-primary" disabled={busy}>
          {busy ? t('inquiry.sending') : t('inquiry.submit')}
        </button>
      </form>
    </section>
  );
}

type Values = {
  purpose: string;
  sector: string;
  landHa: string;
  timeframe: InquiryTimeframe;
  message: string;
  name: string;
  organisation: string;
  email: string;
  phone: string;
  country: string;
  website: string;
  consent: boolean;
};
type Field = Exclude<keyof Values, 'website'>;
type Proof = { challenge: string; nonce: string; consentVersion: string };
type ControlProps = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
type Translate = ReturnType<typeof inquiryTranslator>;

const emptyValues: Values = {
  purpose: '',
  sector: '',
  landHa: '',
  timeframe: 'within_1_year',
  message: '',
  name: '',
  organisation: '',
  email: '',
  phone: '',
  country: '',
  website: '',
  consent: false,
};

/** "2,5" and "2.5" are both two and a half hectares. */
export function parseHectares(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) && value > 0 && value <= 100_000 ? value : 'invalid';
}

/** The same rules the server checks, so most mistakes are shown before anything is sent. */
export function validate(v: Values, t: Translate): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!v.purpose.trim()) errors.purpose = t('inquiry.error.required');
  if (!v.name.trim()) errors.name = t('inquiry.error.required');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = t('inquiry.error.email');
  if (v.phone.trim() && !/^[+0-9 ().-]*$/.test(v.phone.trim())) errors.phone = t('inquiry.error.phone');
  if (!v.country) errors.country = t('inquiry.error.country');
  if (parseHectares(v.landHa) === 'invalid') errors.landHa = t('inquiry.error.number');
  if (!v.consent) errors.consent = t('inquiry.error.consent');
  return errors;
}

class SendError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: string | null,
  ) {
    super(`inquiry answered ${status}`);
  }
}

type SendResult = { ok: true; reference: string } | { ok: false; fields: Record<string, string> };

async function send(zoneCode: string, v: Values, lang: InquiryLang, proof: Proof): Promise<SendResult> {
  const hectares = parseHectares(v.landHa);
  const body: InquiryInput = {
    purpose: v.purpose.trim(),
    sector: v.sector.trim() || null,
    landHa: typeof hectares === 'number' ? hectares : null,
    timeframe: v.timeframe,
    message: v.message.trim() || null,
    contact: {
      name: v.name.trim(),
      organisation: v.organisation.trim() || null,
      email: v.email.trim(),
      phone: v.phone.trim() || null,
      country: v.country,
    },
    language: lang,
    consent: true,
    consentVersion: proof.consentVersion as InquiryInput['consentVersion'],
    website: v.website,
    proof: { challenge: proof.challenge, nonce: proof.nonce },
  };
  const response = await fetch(`/api/public/zones/${encodeURIComponent(zoneCode)}/inquiries`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'accept-language': lang === 'vi' ? 'vi' : 'en',
    },
    body: JSON.stringify(body),
  });
  if (response.status === 201)
    return { ok: true, reference: ((await response.json()) as { reference: string }).reference };
  if (response.status === 400) {
    const error = (await response.json().catch(() => null)) as {
      details?: { fields?: Record<string, string> };
    } | null;
    return { ok: false, fields: error?.details?.fields ?? {} };
  }
  throw new SendError(response.status, response.headers.get('retry-after'));
}

const FIELD_OF: Record<string, Field> = {
  purpose: 'purpose',
  sector: 'sector',
  landHa: 'landHa',
  timeframe: 'timeframe',
  message: 'message',
  'contact.name': 'name',
  'contact.organisation': 'organisation',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'contact.country': 'country',
  consent: 'consent',
  consentVersion: 'consent',
};

const OWN_WORDS: Partial<Record<Field, InquiryMessageKey>> = {
  email: 'inquiry.error.email',
  phone: 'inquiry.error.phone',
  country: 'inquiry.error.country',
  landHa: 'inquiry.error.number',
  consent: 'inquiry.error.consent',
};

/** The server's field messages in the form's language: its own words where it has them, else the server's. */
function mapServerFields(fields: Record<string, string>, t: Translate): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const [key, text] of Object.entries(fields)) {
    const field = FIELD_OF[key];
    if (!field) continue;
    const own = OWN_WORDS[field];
    out[field] = own ? t(own) : text;
  }
  return out;
}

function errorText(error: unknown, t: Translate): string {
  if (error instanceof SendError) {
    if (error.status === 429) {
      const minutes = Math.max(1, Math.ceil(Number(error.retryAfter ?? 60) / 60));
      return t('inquiry.error.rateLimited', { minutes });
    }
    if (error.status === 404) return t('inquiry.error.notFound');
  }
  return t('inquiry.error.failed');
}

/** Investors' likely countries first, then every country by its name in the form's language. */
const FIRST = ['VN', 'KR', 'JP', 'CN', 'TW', 'SG', 'HK', 'US'];
function useCountries(lang: InquiryLang) {
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([lang], { type: 'region' });
    } catch {
      names = null;
    }
    const name = (code: string) => names?.of(code) ?? code;
    const rest = COUNTRY_CODES.filter((c) => !FIRST.includes(c))
      .map((code) => ({ code, name: name(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, lang));
    return [...FIRST.map((code) => ({ code, name: name(code) })), ...rest];
  }, [lang]);
}
