<?php
/**
 * citelint's MediaWiki oracle: a maintenance script that renders wikitext pages read from stdin.
 *
 * One JSON object a line in, one a line out:
 *   in:  {"text": "...", "lang": "en"|"qqx", "templates": {"Name": "body", ...}, "preprocess": false}
 *   out: {"html": "...", "categories": [...]}  (or {"error": "..."} when the parse threw)
 * A request {"set_templates": {...}} replaces the standing template table (the reference templates
 * every page may call); "templates" in a page request adds page-specific ones (the stand-ins that
 * pass a missing template's parameters through). {"set_modules": {"Citation/CS1": "lua…"}} gives the
 * Scribunto modules (Module: pages) that {{#invoke:}} and require() load. Templates and modules come
 * from memory through the parser's template callback, never from the database, and unknown ones are
 * red links as on a real wiki. "categories" are the page's category names (CS1's error categories).
 * With "preprocess": true the reply is {"wikitext": "..."}: the text with its templates expanded and
 * nothing rendered (Parser::preprocess), where each citation's own [[Category:…]] links still stand.
 *
 * Run: php render.php --conf /path/to/LocalSettings.php   (MW_INSTALL_PATH: the MediaWiki folder)
 */

$IP = getenv( 'MW_INSTALL_PATH' ) ?: '/usr/share/mediawiki';
require_once "$IP/maintenance/Maintenance.php";

use MediaWiki\MediaWikiServices;

class CitelintOracleRender extends Maintenance {
	public function __construct() {
		parent::__construct();
		$this->addDescription( 'Render wikitext pages from stdin (JSON lines) for citelint\'s oracle tests' );
	}

	public function execute() {
		$services = MediaWikiServices::getInstance();
		$title = Title::newFromText( 'Oracle page' );
		$parsers = [];
		$standing = [];
		$modules = [];
		while ( ( $line = fgets( STDIN ) ) !== false ) {
			$req = json_decode( $line, true );
			if ( !is_array( $req ) ) {
				$this->reply( [ 'error' => 'bad request line' ] );
				continue;
			}
			if ( isset( $req['set_templates'] ) ) {
				$standing = [];
				foreach ( $req['set_templates'] as $name => $body ) {
					$standing[self::key( $name )] = $body;
				}
				$this->reply( [ 'ok' => count( $standing ) ] );
				continue;
			}
			if ( isset( $req['set_modules'] ) ) {
				$modules = [];
				foreach ( $req['set_modules'] as $name => $body ) {
					$modules[self::key( $name )] = $body;
				}
				$this->reply( [ 'ok' => count( $modules ) ] );
				continue;
			}
			$lang = $req['lang'] ?? 'en';
			$extra = [];
			foreach ( $req['templates'] ?? [] as $name => $body ) {
				$extra[self::key( $name )] = $body;
			}
			// one parser per interface language: Cite caches the language in its error reporter
			$parsers[$lang] ??= $services->getParserFactory()->create();
			$parser = $parsers[$lang];
			$opts = ParserOptions::newFromUserAndLang(
				new User(), $services->getLanguageFactory()->getLanguage( $lang ) );
			$opts->setTemplateCallback( static function ( $t, $p ) use ( $standing, $extra, $modules ) {
				if ( $t->getNamespace() === 828 ) {  // NS_MODULE (Scribunto)
					$text = $modules[self::key( $t->getText() )] ?? false;
					return [ 'text' => $text, 'finalTitle' => $t, 'deps' => [] ];
				}
				$key = $t->getNamespace() === NS_TEMPLATE ? self::key( $t->getText() ) : null;
				$text = $key === null ? false : ( $extra[$key] ?? $standing[$key] ?? false );
				return [ 'text' => $text, 'finalTitle' => $t, 'deps' => [] ];
			} );
			try {
				if ( !empty( $req['preprocess'] ) ) {  // templates expanded, nothing rendered: the wikitext
					$this->reply( [ 'wikitext' => $parser->preprocess( $req['text'], $title, $opts ) ] );
					continue;
				}
				$out = $parser->parse( $req['text'], $title, $opts, true, true );
				$this->reply( [ 'html' => $out->getText( [ 'unwrap' => true ] ),
					'categories' => array_map( 'strval', $out->getCategoryNames() ) ] );
			} catch ( Throwable $e ) {
				$this->reply( [ 'error' => get_class( $e ) . ': ' . $e->getMessage() ] );
			}
		}
	}

	private static function key( string $name ): string {
		$name = trim( str_replace( '_', ' ', $name ) );
		return mb_strtoupper( mb_substr( $name, 0, 1 ) ) . mb_substr( $name, 1 );
	}

	private function reply( array $data ): void {
		fwrite( STDOUT, json_encode( $data, JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE ) . "\n" );
		fflush( STDOUT );
	}
}

$maintClass = CitelintOracleRender::class;
require_once RUN_MAINTENANCE_IF_MAIN;
