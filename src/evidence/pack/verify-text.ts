// VERIFY.txt: how a recipient checks the pack with standard tools only (unzip, sha256sum, openssl,
// bash), without Seimon. The commands are the same in both languages; a test runs them as written.
import { PUBLIC_KEY_NAME, RAW_SIGNATURE_NAME, SUMS_NAME, TIMESTAMP_NAME, UNLISTED } from './layout.js';
import { MANIFEST_NAME } from './manifest.js';

/** The commands, in order; each line is run with bash in the extracted pack folder. */
export function verifyCommands(): { key: string; cmd: string }[] {
  const unlisted = [SUMS_NAME, ...UNLISTED].map((n) => `! -name ${n}`).join(' ');
  return [
    { key: 'fingerprint', cmd: `openssl pkey -pubin -in ${PUBLIC_KEY_NAME} -outform DER | tail -c 32 | sha256sum` },
    { key: 'signature', cmd: `openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY_NAME} -rawin -in ${MANIFEST_NAME} -sigfile ${RAW_SIGNATURE_NAME}` },
    { key: 'sums-signed', cmd: `grep -c "\\"sha256sums\\": \\"$(sha256sum ${SUMS_NAME} | cut -c1-64)\\"" ${MANIFEST_NAME}` },
    { key: 'files', cmd: `sha256sum --strict -c ${SUMS_NAME}` },
    { key: 'no-extra', cmd: `diff <(cut -c67- ${SUMS_NAME} | LC_ALL=C sort) <(find . -type f ${unlisted} -printf '%P\\n' | LC_ALL=C sort) && echo "no extra or missing files"` },
    { key: 'timestamp', cmd: `openssl ts -verify -in ${TIMESTAMP_NAME} -data ${MANIFEST_NAME} -CAfile "$TSA_CA"` },
    { key: 'timestamp-time', cmd: `openssl ts -reply -in ${TIMESTAMP_NAME} -text | grep -E "^(Time stamp|TSA):"` },
  ];
}

const JA_EXPECT: Record<string, string> = {
  fingerprint: '表示される 64 桁の16進数が、送り主から別の経路（電話・名刺・組合のサイトなど）で受け取った鍵の指紋（空白を除く）と一致すること。この鍵の指紋: ',
  signature: '「Signature Verified Successfully」と表示されること（manifest.json が署名されたまま）。',
  'sums-signed': '「1」と表示されること（SHA256SUMS が署名済みの manifest.json に記載されたもの）。',
  files: 'すべての行が「OK」で終わること（各ファイルが改変されていない）。',
  'no-extra': '「no extra or missing files」とだけ表示されること（ファイルの追加・削除がない）。',
  timestamp: '（timestamp.tsr がある場合）先に TSA_CA=時刻認証局の CA 証明書ファイル（認証局から入手。展開フォルダの外に置く）を設定してください（例: export TSA_CA=$HOME/tsa-ca.pem）。「Verification: OK」と表示されること。',
  'timestamp-time': '（timestamp.tsr がある場合）時刻認証局が証明する時刻と認証局名が表示されます。',
};

const EN_EXPECT: Record<string, string> = {
  fingerprint: 'The 64 hex digits shown must equal the key fingerprint (without spaces) you got from the sender by another channel (phone, business card, the union\'s site). This key\'s fingerprint: ',
  signature: 'Must print "Signature Verified Successfully" (manifest.json is as signed).',
  'sums-signed': 'Must print "1" (SHA256SUMS is the one the signed manifest.json names).',
  files: 'Every line must end in "OK" (no file was changed).',
  'no-extra': 'Must print only "no extra or missing files" (nothing added or removed).',
  timestamp: '(If timestamp.tsr is present) First set TSA_CA to the time-stamping authority\'s CA certificate file, obtained from the TSA and kept outside the pack folder (e.g. export TSA_CA=$HOME/tsa-ca.pem). Must print "Verification: OK".',
  'timestamp-time': '(If timestamp.tsr is present) Shows the time the TSA vouches for and the TSA\'s name.',
};

/** VERIFY.txt for a pack signed by the key with this fingerprint. */
export function verifyText(fingerprint: string, timestampNote: string): Buffer {
  const fp = fingerprint.replace(/ /g, '');
  const steps = (expect: Record<string, string>) =>
    verifyCommands()
      .map((c, i) => `${i + 1}. $ ${c.cmd}\n   → ${expect[c.key] ?? ''}${c.key === 'fingerprint' ? fp : ''}`)
      .join('\n\n');
  const ja = [
    'Seimon 証拠パッケージの検証手順（Seimon は不要です）',
    '====================================================',
    '必要なもの: unzip、sha256sum、openssl 3 以上、bash（Linux / macOS の Homebrew 版 coreutils、Windows の WSL）。',
    'まず「unzip パッケージ.zip -d pack && cd pack」で展開し、そのフォルダで次を順に実行してください。',
    'ひとつでも期待どおりにならなければ、このパッケージは信頼できません。',
    `時刻認証: ${timestampNote}`,
    '',
    steps(JA_EXPECT),
  ].join('\n');
  const en = [
    'Verifying a Seimon evidence pack (no Seimon needed)',
    '===================================================',
    'You need: unzip, sha256sum, openssl 3 or later, bash (Linux; macOS with Homebrew coreutils; Windows with WSL).',
    'Extract with "unzip PACK.zip -d pack && cd pack", then run these in that folder, in order.',
    'If any step does not give the expected result, do not rely on this pack.',
    `Trusted time: ${timestampNote}`,
    '',
    steps(EN_EXPECT),
  ].join('\n');
  return Buffer.from(`${ja}\n\n\n${en}\n`, 'utf8');
}
