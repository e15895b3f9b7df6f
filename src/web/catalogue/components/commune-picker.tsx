import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useCatalogue } from '../context';
import { suggestCommunes, type CommuneOption } from '../filters';

/**
 * A commune typed without diacritics ("phu nghia") and picked from the communes that have published zones:
 * an accessible combobox (arrows, Enter, Escape) over `suggestCommunes`.
 */
export function CommunePicker({
  communes,
  value,
  onChange,
}: {
  communes: readonly CommuneOption[];
  value: string | null;
  onChange: (code: string | null) => void;
}) {
  const { t } = useCatalogue();
  const id = useId();
  const chosen = communes.find((c) => c.code === value) ?? null;
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const closing = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(closing.current), []);
  const [active, setActive] = useState(0);
  const text = typed ?? chosen?.name ?? '';
  const options = useMemo(() => suggestCommunes(communes, typed ?? ''), [communes, typed]);

  function pick(option: CommuneOption) {
    onChange(option.code);
    setTyped(null);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  return (
    <div className="cat-field cat-combobox">
      <label htmlFor={`${id}-input`}>{t('filters.commune')}</label>
      <div className="cat-combobox-row">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-activedescendant={open && options[active] ? `${id}-${options[active].code}` : undefined}
          aria-describedby={`${id}-hint`}
          value={text}
          onChange={(event) => {
            setTyped(event.target.value);
            setActive(0);
            setOpen(true);
            if (!event.target.value.trim()) onChange(null);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            // Closed a moment later, so that a click on a suggestion still lands; never after unmounting.
            closing.current = window.setTimeout(() => setOpen(false), 150);
          }}
          onKeyDown={onKeyDown}
        />
        {value ? (
          <button
            type="button"
            className="cat-icon-button"
            aria-label={t('filters.communeClear')}
            onClick={() => {
              onChange(null);
              setTyped(null);
            }}
          >
            ×
          </button>
        ) : null}
      </div>
      <small id={`${id}-hint`} className="cat-muted">
        {t('filters.communeHint')}
      </small>
      {open ? (
        <ul id={`${id}-list`} role="listbox" className="cat-listbox" aria-label={t('filters.commune')}>
          {options.length === 0 ? (
            <li className="cat-muted" role="presentation">
              {t('filters.communeNone')}
            </li>
          ) : (
            options.map((option, index) => (
              <li
                key={option.code}
                id={`${id}-${option.code}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(option)}
              >
                {option.name}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
