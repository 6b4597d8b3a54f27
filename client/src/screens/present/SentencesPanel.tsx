import type { Locale } from '@gmv-pulse/shared'
import type { PresenterStrings } from './strings.ts'

/** The headline as a sentence in each language, ready to read out or paste. */
export function SentencesPanel({
  sentences,
  onCopy,
  strings,
}: {
  sentences: { language: Locale; text: string }[]
  onCopy: (text: string) => () => void
  strings: PresenterStrings
}) {
  return (
    <section className="panel-a sentences">
      <header className="panel-a-head">
        <h2>{strings.sentences}</h2>
      </header>
      {sentences.map(({ language, text }) => (
        <div key={language} className="sentence">
          <p lang={language} data-testid={`sentence-${language}`}>
            {text}
          </p>
          <button type="button" data-testid={`copy-sentence-${language}`} onClick={onCopy(text)}>
            {strings.copySentence[language]}
          </button>
        </div>
      ))}
    </section>
  )
}
