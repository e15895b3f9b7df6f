import { Typography } from 'antd';

/** Links in a source note become real links; the rest stays text. */
export function SourceText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          <Typography.Link key={index} href={part} target="_blank" rel="noopener noreferrer">
            {part.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')}
          </Typography.Link>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}
