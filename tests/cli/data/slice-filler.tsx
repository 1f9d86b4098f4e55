
function PadNotice({ text }: { text: string }) {
  return (
    <p className="pad">
      Don't forget: {text} isn't saved until you press "Save".
      <a href="https://example.com/help">http://example.com</a>
    </p>
  );
}

const padMap = new Map<string, PadPoint[]>(), padOther = 1;
void PadNotice, padMap, padOther;
