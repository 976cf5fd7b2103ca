# -*- encoding: utf-8 -*-

Gem::Specification.new do |spec|
  spec.name = %q{rake}
  spec.version = Gem::Version.new('10.0.4')
  spec.license = %q{MIT}
  spec.summary = %q{Ruby based make-like utility.}
end
